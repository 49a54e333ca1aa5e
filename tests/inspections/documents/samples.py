"""Contexts of the seed's 2023 case for the inspection documents' renderer tests: one business in Quảng Trị whose
spring balance's verification had expired, fined 1,500,000 VND and ordered to have it verified.

Builders take overrides, so each test states only what it changes.
"""

import dataclasses
from datetime import date, time

from inspections.documents.check_record.renderer import CheckRecordContext, InstrumentCheckRow
from inspections.documents.layout import Person, RemedyRow, ViolationRow, Violator
from inspections.documents.penalty_decision.renderer import PenaltyDecisionContext, PenaltyViolationRow
from inspections.documents.violation_record.renderer import ViolationRecordContext

ISSUER_PARENT = "UBND TỈNH QUẢNG TRỊ"
ISSUER_NAME = "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
BUSINESS = "Công ty TNHH Thương mại Đông Hà"
ADDRESS = "Số 18 đường Lê Duẩn, phường Đông Hà, tỉnh Quảng Trị"
PROVISION = ("điểm a khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số "
             "126/2021/NĐ-CP")
ACT = ("Sử dụng phương tiện đo nhóm 2 (cân đồng hồ lò xo, số sản xuất NHS-2291) có chứng chỉ kiểm định hết hiệu lực "
       "từ ngày 15/01/2023, tổng giá trị phương tiện đo đến 1.000.000 đồng")
AMOUNT_WORDS = "Một triệu năm trăm nghìn đồng"
REMEDY = RemedyRow(text="Buộc thực hiện kiểm định phương tiện đo cân đồng hồ lò xo, số sản xuất NHS-2291",
                   deadline=date(2023, 3, 2))
LEADER = Person(name="Lê Văn Thành", title="Phó Chi cục trưởng", organization="Sở Khoa học và Công nghệ")
MEMBER = Person(name="Hoàng Thị Mai", title="Kiểm định viên", organization="Sở Khoa học và Công nghệ")
REPRESENTATIVE = Person(name="Trần Quốc Bảo", title="Giám đốc", organization=BUSINESS)
WITNESSES = (
    Person(name="Phan Văn Lộc", title="Công chức", organization="UBND phường Đông Hà"),
    Person(name="Võ Thị Hạnh", organization="tổ dân phố 3, phường Đông Hà"),
)
VIOLATOR = Violator(
    name=BUSINESS, address=ADDRESS, enterprise_code="3200123456",
    registration="3200123456; ngày cấp: 12/03/2015; nơi cấp: Sở Kế hoạch và Đầu tư tỉnh Quảng Trị",
    representative_name="Trần Quốc Bảo", representative_gender="Nam", representative_title="Giám đốc",
)
SPRING_BALANCE = InstrumentCheckRow(
    name="Cân đồng hồ lò xo", model="Nhơn Hòa, NHS-30", serial_number="NHS-2291", type_approval="Phù hợp",
    verification="Không phù hợp", marking="Phù hợp", use="Phù hợp", error="+0,8 %", conclusion="Không đạt",
)
SCALE = InstrumentCheckRow(
    name="Cân bàn điện tử", model="Vibra, CB-150", serial_number="CB-150-0042", type_approval="Phù hợp",
    verification="Phù hợp", marking="Phù hợp", use="Phù hợp", error="—", conclusion="Đạt",
)


def check_record(**overrides) -> CheckRecordContext:
    values = {
        "number": "03/BB-KT",
        "issuer_parent": ISSUER_PARENT,
        "issuer_name": ISSUER_NAME,
        "verify_url": "https://kiemtra.example.vn/verify/bbkt-3c9a1f7e",
        "held_on": date(2023, 2, 2),
        "started_at": time(9, 0),
        "ended_at": time(11, 15),
        "place": f"cửa hàng của {BUSINESS}, {ADDRESS}",
        "decision_number": "12/QĐ-SKHCN",
        "decision_date": date(2023, 1, 20),
        "decision_signer": "Giám đốc Sở Khoa học và Công nghệ tỉnh Quảng Trị",
        "team": (LEADER, MEMBER),
        "establishment_name": BUSINESS,
        "establishment_address": ADDRESS,
        "representatives": (REPRESENTATIVE,),
        "instruments": (SPRING_BALANCE, SCALE),
        "nonconformities": (
            "Cân đồng hồ lò xo, số sản xuất NHS-2291: giấy chứng nhận kiểm định số KĐ-2022/000123 hết hiệu lực từ "
            "ngày 15/01/2023 (khoản 1 Điều 19 Thông tư số 28/2013/TT-BKHCN).",
        ),
        "remedies": (REMEDY,),
        "establishment_opinion": "Cơ sở thống nhất với kết quả kiểm tra và cam kết đưa cân đi kiểm định.",
    }
    values.update(overrides)
    return CheckRecordContext(**values)


def violation_record(**overrides) -> ViolationRecordContext:
    values = {
        "number": "01/BB-VPHC",
        "issuer_parent": ISSUER_PARENT,
        "issuer_name": ISSUER_NAME,
        "verify_url": "https://kiemtra.example.vn/verify/vphc-5d1c0a9e",
        "made_on": date(2023, 2, 2),
        "made_at": time(11, 30),
        "place": f"cửa hàng của {BUSINESS}, {ADDRESS}",
        "legal_basis": ("Căn cứ Biên bản kiểm tra số 03/BB-KT lập ngày 02/02/2023 của Đoàn kiểm tra;",),
        "makers": (LEADER,),
        "witnesses": WITNESSES[:1],
        "violator": VIOLATOR,
        "violated_on": date(2023, 2, 2),
        "violation_place": ADDRESS,
        "violations": (ViolationRow(act=ACT, provision=PROVISION),),
        "violator_statement": "Công ty chưa kịp đưa cân đi kiểm định lại do nghỉ Tết Nguyên đán.",
        "preventive_measures": "Tạm dừng sử dụng cân đồng hồ lò xo số sản xuất NHS-2291",
        "ended_at": time(12, 0),
    }
    values.update(overrides)
    return ViolationRecordContext(**values)


def penalty_decision(**overrides) -> PenaltyDecisionContext:
    values = {
        "number": "01/QĐ-XPHC",
        "issuer_parent": ISSUER_PARENT,
        "issuer_name": ISSUER_NAME,
        "place": "Quảng Trị",
        "issued_on": date(2023, 2, 8),
        "verify_url": "https://kiemtra.example.vn/verify/xphc-77aa31b0",
        "signer_authority": "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH QUẢNG TRỊ",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Nguyễn Hữu Phước",
        "legal_basis": (
            "Căn cứ Điều 57, Điều 68, Điều 70, Điều 78 Luật Xử lý vi phạm hành chính (sửa đổi, bổ sung năm 2020);",
            "Căn cứ Nghị định số 119/2017/NĐ-CP ngày 01 tháng 11 năm 2017 của Chính phủ quy định về xử phạt vi phạm "
            "hành chính trong lĩnh vực tiêu chuẩn, đo lường và chất lượng sản phẩm, hàng hóa, được sửa đổi, bổ sung "
            "bởi Nghị định số 126/2021/NĐ-CP;",
        ),
        "record_number": "01/BB-VPHC",
        "record_date": date(2023, 2, 2),
        "violator": VIOLATOR,
        "violations": (PenaltyViolationRow(act=ACT, provision=PROVISION, fine=1_500_000),),
        "total_fine": 1_500_000,
        "total_fine_words": AMOUNT_WORDS,
        "remedies": (REMEDY,),
        "treasury": "tỉnh Quảng Trị",
        "treasury_account": "7111.0.1057869",
        "executor": "Chánh Thanh tra Sở Khoa học và Công nghệ",
    }
    values.update(overrides)
    return PenaltyDecisionContext(**values)


def instruments(count: int) -> tuple[InstrumentCheckRow, ...]:
    """Return count instruments, each with its own serial "SN-0001"..., alternating conforming and not."""
    return tuple(dataclasses.replace(SPRING_BALANCE if n % 2 else SCALE, serial_number=f"SN-{n:04d}")
                 for n in range(1, count + 1))


def violation_rows(count: int) -> tuple[ViolationRow, ...]:
    """Return count violations, each naming its own instrument "SN-0001"..."""
    return tuple(ViolationRow(act=f"{ACT} (phương tiện đo SN-{n:04d})", provision=PROVISION)
                 for n in range(1, count + 1))


def penalty_rows(count: int) -> tuple[PenaltyViolationRow, ...]:
    """Return count sanctioned violations of 1,500,000 VND each, naming "SN-0001"..."""
    return tuple(PenaltyViolationRow(act=row.act, provision=row.provision, fine=1_500_000)
                 for row in violation_rows(count))
