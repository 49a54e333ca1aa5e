"""The Vietnamese words the documents print for the registers' choices, one dict per choice.

The API and the admin show the choices' own (translatable) labels; a legal document prints these fixed words,
whatever the reader's language.
"""

from registry.models import LicenseApplicationKind, VerificationKind, XrayDeviceKind

VERIFICATION_KIND_LABELS_VI = {
    VerificationKind.INITIAL: "Kiểm định ban đầu",
    VerificationKind.PERIODIC: "Kiểm định định kỳ",
    VerificationKind.AFTER_REPAIR: "Kiểm định sau sửa chữa",
}


XRAY_KIND_LABELS_VI = {
    XrayDeviceKind.CT: "Máy chụp cắt lớp vi tính (CT)",
    XrayDeviceKind.FLUOROSCOPY: "Máy X-quang tăng sáng truyền hình",
    XrayDeviceKind.GENERAL_RADIOGRAPHY: "Máy X-quang chụp tổng hợp",
    XrayDeviceKind.MAMMOGRAPHY: "Máy X-quang chụp vú",
    XrayDeviceKind.DENTAL_INTRAORAL: "Máy X-quang nha khoa trong miệng",
    XrayDeviceKind.DENTAL_PANORAMIC: "Máy X-quang nha khoa toàn cảnh",
    XrayDeviceKind.C_ARM: "Máy X-quang C-arm",
    XrayDeviceKind.MOBILE: "Máy X-quang di động",
    XrayDeviceKind.BONE_DENSITOMETRY: "Máy đo mật độ xương",
}


LICENSE_KIND_LABELS_VI = {
    LicenseApplicationKind.NEW: "Cấp mới",
    LicenseApplicationKind.RENEWAL: "Gia hạn",
    LicenseApplicationKind.AMENDMENT: "Sửa đổi, bổ sung",
    LicenseApplicationKind.REISSUE: "Cấp lại",
}


# A transcribed paper licence: its basis is the paper licence, not an application's file.
TRANSCRIBED_KIND_LABEL = "Chuyển đổi từ giấy phép bản giấy"
