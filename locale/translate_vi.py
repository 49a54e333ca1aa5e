"""Fill locale/vi/LC_MESSAGES/django.po from the table below (run after makemessages, then compilemessages).

Kept as a table in the repo so that a new message gets its Vietnamese beside the others, reviewed in one place.
"""

from pathlib import Path

VI = {
    "Verification certificate": "Giấy chứng nhận kiểm định",
    "Pending": "Đang chờ", "Issued": "Đã cấp", "Failed": "Lỗi", "Superseded": "Đã được thay thế",
    "Revoked": "Đã thu hồi", "Valid": "Còn hiệu lực", "Expired": "Hết hiệu lực",
    "kind": "loại", "number": "số", "status": "trạng thái", "subject": "đối tượng", "valid until": "có giá trị đến",
    "revocation reason": "lý do thu hồi", "reason for the correction": "lý do cấp lại",
    "Only a failed document can be rendered again.": "Chỉ văn bản bị lỗi mới được tạo lại.",
    "A revocation needs a reason.": "Thu hồi phải nêu lý do.",
    "This document is already %(status)s.": "Văn bản này đã ở trạng thái %(status)s.",
    "A correction needs a reason.": "Cấp lại phải nêu lý do.",
    "Only an issued or failed document can be corrected.": "Chỉ văn bản đã cấp hoặc bị lỗi mới được cấp lại.",
    "A correction of this document was already requested.": "Văn bản này đã được yêu cầu cấp lại.",
    "This username is taken.": "Tên đăng nhập này đã được dùng.",
    "This field is required.": "Trường này là bắt buộc.",
    "Business": "Doanh nghiệp", "Hospital": "Bệnh viện", "Verification body": "Tổ chức kiểm định",
    "Department": "Sở Khoa học và Công nghệ", "name": "tên", "tax code": "mã số thuế", "address": "địa chỉ",
    "province": "tỉnh, thành phố", "governing agency": "cơ quan chủ quản", "Officer": "Cán bộ",
    "Technician": "Kiểm định viên", "Inspector": "Thanh tra viên", "full name": "họ và tên", "role": "vai trò",
    "organization": "tổ chức", "code": "mã", "list item": "mục", "Item number in the Art. 4 list":
    "Số thứ tự trong danh mục Điều 4", "English name": "tên tiếng Anh", "measured quantity": "đại lượng đo",
    "legal basis": "căn cứ pháp lý", "in force from": "có hiệu lực từ", "type approval required": "phê duyệt mẫu",
    "initial verification required": "kiểm định ban đầu", "periodic verification required": "kiểm định định kỳ",
    "after-repair verification required": "kiểm định sau sửa chữa",
    "verification cycle (months)": "chu kỳ kiểm định (tháng)", "cross-check verification": "kiểm định đối chứng",
    "verification procedure (ĐLVN)": "quy trình kiểm định (ĐLVN)",
    "procedure confirmed in a source": "quy trình đã được xác nhận", "confidence": "độ tin cậy",
    "sources and notes": "nguồn và ghi chú", "Due soon": "Sắp đến hạn", "Never verified": "Chưa kiểm định",
    "Pass": "Đạt", "Fail": "Không đạt", "Initial verification": "Kiểm định ban đầu",
    "Periodic verification": "Kiểm định định kỳ", "Verification after repair": "Kiểm định sau sửa chữa",
    "instrument type": "loại phương tiện đo", "serial number": "số sản xuất", "manufacturer": "cơ sở sản xuất",
    "country of manufacture": "nước sản xuất", "model": "kiểu", "year made": "năm sản xuất",
    "accuracy class": "cấp chính xác", "measuring range": "phạm vi đo", "owner": "cơ sở sử dụng",
    "location": "nơi sử dụng", "form of verification": "chế độ kiểm định", "performed on": "ngày kiểm định",
    "procedure": "phương pháp thực hiện", "result": "kết quả", "stamp number": "số tem kiểm định",
    "environmental conditions": "điều kiện môi trường", "reference value": "giá trị chuẩn",
    "measured value": "giá trị đo", "unit": "đơn vị", "maximum permissible error": "sai số cho phép",
    "Unknown instrument type.": "Loại phương tiện đo không tồn tại.",
    "No legal rules for this instrument type were in force on %(day)s.":
        "Không có quy định pháp lý nào cho loại phương tiện đo này có hiệu lực vào ngày %(day)s.",
    "Unknown instrument.": "Phương tiện đo không tồn tại.",
    "This role needs an organization.": "Vai trò này phải thuộc một tổ chức.",
    "A %(role)s must belong to an organization of kind %(kinds)s.":
        "Người dùng vai trò %(role)s phải thuộc tổ chức loại %(kinds)s.",
    "A business registers only its own instruments.": "Doanh nghiệp chỉ đăng ký phương tiện đo của mình.",
    "Unknown organization.": "Tổ chức không tồn tại.",
    "An instrument of this type and manufacturer with this serial number is already registered.":
        "Phương tiện đo cùng loại, cùng cơ sở sản xuất với số sản xuất này đã được đăng ký.",
    "Your account belongs to no organization, so it cannot record verifications.":
        "Tài khoản không thuộc tổ chức nào nên không thể ghi kết quả kiểm định.",
    "Re-verified on %(day)s": "Kiểm định lại ngày %(day)s",
    "The instrument failed verification on %(day)s.": "Phương tiện đo không đạt khi kiểm định ngày %(day)s.",
    "A verification cannot be dated in the future (today is %(today)s).":
        "Ngày kiểm định không được ở tương lai (hôm nay là %(today)s).",
    "This instrument was already verified on %(day)s; a verification cannot be dated before it.":
        "Phương tiện đo đã được kiểm định ngày %(day)s; ngày kiểm định không được trước ngày đó.",
    "This stamp number was already used by your organization.": "Số tem này đã được tổ chức của bạn sử dụng.",
    "Reading %(n)s has no unit.": "Kết quả đo thứ %(n)s thiếu đơn vị.",
    "Reading %(n)s has a negative maximum permissible error.": "Kết quả đo thứ %(n)s có sai số cho phép âm.",
    "Reading %(n)s is outside the maximum permissible error, so the result cannot be a pass.":
        "Kết quả đo thứ %(n)s vượt sai số cho phép nên kết quả không thể là Đạt.",
    "Valid-until is computed from the instrument type's verification cycle; do not send it.":
        "Thời hạn có giá trị được tính từ chu kỳ kiểm định của loại phương tiện đo; không được nhập.",
    "Enter a valid tax code: 10 digits with a correct check digit, 10 digits-3 digits for a branch, or the "
    "12-digit personal identification number of a household business.":
        "Mã số thuế không hợp lệ: 10 chữ số với chữ số kiểm tra đúng, 10 chữ số-3 chữ số cho chi nhánh, hoặc số "
        "định danh cá nhân 12 chữ số của hộ kinh doanh.",
    "Write the tax code in its canonical form: %(canonical)s.": "Ghi mã số thuế theo dạng chuẩn: %(canonical)s.",
}


def main() -> None:
    import polib

    path = Path(__file__).parent / "vi" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    missing = []
    for entry in po:
        if entry.msgid in VI:
            entry.msgstr = VI[entry.msgid]
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif not entry.msgstr:
            missing.append(entry.msgid)
    po.metadata["Language"] = "vi"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    for msgid in missing:
        print("untranslated:", msgid)


if __name__ == "__main__":
    main()
