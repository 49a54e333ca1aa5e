"""Fill locale/vi/LC_MESSAGES/django.po from the table below (run after makemessages, then compilemessages).

Kept as a table in the repo so that a new message gets its Vietnamese beside the others, reviewed in one place.
"""

from pathlib import Path

VI = {
    "Use lower-case letters and digits, in words separated by dots, hyphens or underscores.":
        "Dùng chữ thường và chữ số, các từ cách nhau bằng dấu chấm, gạch ngang hoặc gạch dưới.",
    "Verification certificate": "Giấy chứng nhận kiểm định",
    "Pending": "Đang chờ", "Issued": "Đã cấp", "Failed": "Lỗi", "Superseded": "Đã được thay thế",
    "Revoked": "Đã thu hồi", "Valid": "Còn hiệu lực", "Expired": "Hết hiệu lực",
    "Retired": "Ngừng sử dụng",  # a signing key replaced by a newer one (its documents stay valid)
    "kind": "loại", "number": "số", "status": "trạng thái", "subject": "đối tượng", "valid until": "có giá trị đến",
    "subject key": "định danh đối tượng",
    "revocation reason": "lý do thu hồi", "reason for the correction": "lý do cấp lại",
    "Only a failed document can be rendered again.": "Chỉ văn bản bị lỗi mới được tạo lại.",
    "A revocation needs a reason.": "Thu hồi phải nêu lý do.",
    "This document is already %(status)s.": "Văn bản này đã ở trạng thái %(status)s.",
    "A correction needs a reason.": "Cấp lại phải nêu lý do.",
    "Only an issued or failed document can be corrected.": "Chỉ văn bản đã cấp hoặc bị lỗi mới được cấp lại.",
    "A correction of this document was already requested.": "Văn bản này đã được yêu cầu cấp lại.",
    "This username is taken.": "Tên đăng nhập này đã được dùng.",
    "Server error: the request could not be completed. It has been logged for the administrators.":
    "Lỗi máy chủ: không thể hoàn tất yêu cầu. Lỗi đã được ghi lại cho quản trị viên.",
    "This field is required.": "Trường này là bắt buộc.",
    "Business": "Doanh nghiệp", "Hospital": "Bệnh viện", "Verification body": "Tổ chức kiểm định",
    "Organization": "Tổ chức", "Household business": "Hộ kinh doanh", "Individual": "Cá nhân",
    "legal form": "loại hình pháp lý",
    "Only a business may be a household business or an individual: hospitals, verification bodies and the "
    "department are organizations.":
        "Chỉ cơ sở kinh doanh mới có thể là hộ kinh doanh hoặc cá nhân: bệnh viện, tổ chức kiểm định và Sở là tổ "
        "chức.",
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
    "Radiation work licence": "Giấy phép tiến hành công việc bức xạ", "Suspended": "Đình chỉ", "key": "khóa",
    "value": "giá trị", "Licence renewal and expiry": "Gia hạn và hết hạn giấy phép",
    "The due date (valid until)": "Ngày hết hạn",
    "The last day to act (file a renewal)": "Hạn cuối phải thực hiện (nộp hồ sơ gia hạn)",
    "CT scanner": "Máy CT", "Fluoroscopy": "X-quang tăng sáng truyền hình", "General radiography": "X-quang tổng hợp",
    "Mammography": "X-quang chụp vú", "Dental intra-oral": "X-quang nha khoa trong miệng",
    "Dental panoramic": "X-quang nha khoa toàn cảnh", "C-arm": "C-arm", "Mobile X-ray": "X-quang di động",
    "Bone densitometry": "Đo mật độ xương", "In use": "Đang sử dụng", "Stored": "Lưu kho", "Disposed": "Đã thanh lý",
    "facility": "cơ sở", "room": "phòng đặt máy", "maximum kV": "kV tối đa", "maximum mA": "mA tối đa",
    "date of birth": "ngày sinh", "job": "công việc", "certificate issuer": "nơi cấp chứng chỉ",
    "certificate issued on": "ngày cấp chứng chỉ", "radiation safety officer": "người phụ trách an toàn bức xạ",
    "active": "đang hoạt động", "period start": "từ ngày", "period end": "đến ngày", "Hp(10) in mSv": "Hp(10) (mSv)",
    "Over the single-year limit": "Vượt giới hạn liều một năm",
    "Over the five-year average limit": "Vượt giới hạn liều trung bình 5 năm", "New licence": "Cấp mới",
    "Renewal": "Gia hạn", "Amendment": "Sửa đổi, bổ sung", "Re-issue": "Cấp lại", "Submitted": "Đã nộp",
    "Refused": "Từ chối", "personal dosimetry provider": "đơn vị đo liều cá nhân",
    "personal dosimetry contract": "hợp đồng đo liều cá nhân", "requested changes": "nội dung đề nghị thay đổi",
    "completeness check due": "hạn kiểm tra tính đầy đủ", "decision due": "hạn giải quyết", "Active": "Còn hiệu lực",
    "One condition per line.": "Mỗi dòng một điều kiện.", "valid from": "có hiệu lực từ",
    "The legal parameter %(key)s has no value in force on %(day)s; an officer must load it.":
        "Tham số pháp lý %(key)s chưa có giá trị có hiệu lực ngày %(day)s; cán bộ cần cập nhật.",
    "Unknown radiation worker of this facility.": "Nhân viên bức xạ không thuộc cơ sở này.",
    "List at least one device, each one of this facility.": "Phải kê ít nhất một thiết bị, đều thuộc cơ sở này.",
    "A renewal, amendment or re-issue names the facility's current licence.":
        "Hồ sơ gia hạn, sửa đổi hoặc cấp lại phải nêu giấy phép hiện có của cơ sở.",
    "%(code)s is not on the checklist of this kind of file.": "%(code)s không có trong danh mục hồ sơ loại này.",
    "%(code)s needs a file or a reference.": "%(code)s cần có tệp hoặc số hiệu văn bản.",
    "This application is already decided.": "Hồ sơ này đã được giải quyết.",
    "A document may be at most 20 MB.": "Mỗi tài liệu tối đa 20 MB.",
    "Send a PDF, JPEG or PNG scan.": "Gửi bản quét PDF, JPEG hoặc PNG.",
    "%(device)s has no passing verification.": "%(device)s chưa có kết quả kiểm định đạt.",
    "%(device)s: its last passing verification, on %(day)s, is not younger than %(months)s months (%(basis)s).":
        "%(device)s: lần kiểm định đạt gần nhất ngày %(day)s đã quá %(months)s tháng (%(basis)s).",
    "No radiation safety officer with a radiation worker certificate is named (Decree 142/2020 Art. 8.1.b).":
        "Chưa có người phụ trách an toàn có chứng chỉ nhân viên bức xạ (Nghị định 142/2020/NĐ-CP Điều 8.1.b).",
    "No personal dosimetry contract is recorded (Joint Circular 13/2014 Art. 16).":
        "Chưa có hợp đồng đo liều cá nhân (Thông tư liên tịch 13/2014 Điều 16).",
    "The licence named is no longer in force; apply for a new licence.":
        "Giấy phép đã nêu không còn hiệu lực; đề nghị cấp giấy phép mới.",
    "A renewal must be filed at least %(days)s days before the licence expires on %(end)s; this one was filed "
    "%(before)s days before. Apply for a new licence (%(basis)s).":
        "Hồ sơ gia hạn phải nộp ít nhất %(days)s ngày trước khi giấy phép hết hạn ngày %(end)s; hồ sơ này nộp trước "
        "%(before)s ngày. Đề nghị cấp giấy phép mới (%(basis)s).",
    "Replaced by the %(kind)s of %(day)s": "Được thay thế do %(kind)s ngày %(day)s",
    "Replaced by a %(kind)s.": "Được thay thế do %(kind)s.",
    "A %(from)s licence cannot become %(to)s.": "Giấy phép đang %(from)s không thể chuyển sang %(to)s.",
    "You may act only for your own facility.": "Chỉ được thao tác cho cơ sở của mình.",
    "A radiation safety officer needs a radiation worker certificate (Decree 142/2020 Art. 8.1.b).":
        "Người phụ trách an toàn phải có chứng chỉ nhân viên bức xạ (Nghị định 142/2020/NĐ-CP Điều 8.1.b).",
    "The period cannot end before it starts.": "Ngày kết thúc không được trước ngày bắt đầu.",
    # Issue 7: assignment of instruments to a verification body, repeated requests, idempotency keys.
    "assigned verification body": "tổ chức kiểm định được giao",
    "Only the owner or an officer chooses the verification body.":
        "Chỉ chủ sở hữu hoặc cán bộ Sở mới được chọn tổ chức kiểm định.",
    "Unknown verification body.": "Không có tổ chức kiểm định này.",
    "No such instrument among those you may write to.":
        "Không có phương tiện đo này trong số phương tiện bạn được ghi.",
    "This verification (same day, form, result and stamp) was already recorded for this instrument.":
        "Lần kiểm định này (cùng ngày, hình thức, kết quả và số tem) đã được ghi cho phương tiện đo.",
    "An idempotency key is 1 to 255 visible ASCII characters.":
        "Khóa chống gửi lặp (Idempotency-Key) gồm 1 đến 255 ký tự ASCII nhìn thấy được.",
    "This idempotency key was already used for another request.":
        "Khóa chống gửi lặp này đã được dùng cho một yêu cầu khác.",
    "An organization with this tax code is already registered.": "Đã có tổ chức đăng ký với mã số thuế này.",
    "The verification body the owner chose (owners and officers only).":
        "Tổ chức kiểm định do chủ sở hữu chọn (chỉ chủ sở hữu và cán bộ Sở).",
    "The verification body the owner chose; null withdraws the choice.":
        "Tổ chức kiểm định do chủ sở hữu chọn; null là bỏ lựa chọn.",
    # Logins, tokens and who may grant power (issue 7, defects 2 and 3)
    "Only a superuser may give the officer role.": "Chỉ quản trị viên cao nhất mới được cấp vai trò cán bộ.",
    "Too many failed logins for this account or from this address: logging in is locked until %(time)s.":
    "Đăng nhập sai quá nhiều lần với tài khoản này hoặc từ địa chỉ này: tạm khóa đăng nhập đến %(time)s.",
    "Logging in is locked": "Đăng nhập đang bị tạm khóa",
    "Back to the login page": "Quay lại trang đăng nhập",
    "Unable to log in with provided credentials.": "Không thể đăng nhập với thông tin đã nhập.",
    "Django site admin": "Trang web admin Django",
    # Input refused at the door (issue 7, defects 7, 9 and 13)
    "Content-Length must be a number.": "Content-Length phải là một số.",
    "The request body is larger than this service accepts.": "Nội dung yêu cầu lớn hơn mức dịch vụ chấp nhận.",
    "Unknown query parameter; this operation accepts: %(names)s.":
        "Tham số truy vấn không hợp lệ; thao tác này chỉ nhận: %(names)s.",
    "Text may not contain the NUL character.": "Văn bản không được chứa ký tự NUL.",
    "Text may not contain unpaired surrogate characters.": "Văn bản không được chứa ký tự thay thế (surrogate) lẻ.",
    "JSON nested deeper than %(max)d levels.": "JSON lồng sâu quá %(max)d cấp.",
    "Not found.": "Không tìm thấy.",
    "A serial number needs at least one visible character.": "Số sản xuất phải có ít nhất một ký tự nhìn thấy được.",
    "a radiation worker is an adult (Labour Code 2019 Art. 147)":
        "nhân viên bức xạ phải là người đã thành niên (Bộ luật Lao động 2019, Điều 147)",
    "A dose period covers at most a year.": "Một kỳ đo liều dài nhiều nhất một năm.",
    "The rules for this date are not in the catalogue, which starts on %(first)s: enter a date on or after it.":
        "Danh mục chưa có quy định cho ngày này (danh mục bắt đầu từ %(first)s): hãy nhập ngày từ ngày đó trở đi.",
    "A new application names no previous licence.": "Hồ sơ cấp mới không ghi giấy phép trước đó.",
    "Enter a date on or after %(day)s.": "Hãy nhập ngày từ %(day)s trở đi.",
    "Enter a date on or before %(day)s.": "Hãy nhập ngày không muộn hơn %(day)s.",
    # Left fuzzy by earlier runs (a near match, wrong in meaning): their own Vietnamese.
    "Expiry notice": "Thông báo hết hạn",
    "suspension reason": "lý do đình chỉ",
    "A suspension needs a reason.": "Đình chỉ phải nêu lý do.",
    "Valid-until is computed from the device kind's verification cycle; do not send it.":
        "Thời hạn có giá trị được tính từ chu kỳ kiểm định của loại thiết bị; không được nhập.",
    "Instrument verification due": "Đến hạn kiểm định phương tiện đo",
    "X-ray device verification due": "Đến hạn kiểm định thiết bị X-quang",
    "verification valid until": "kiểm định có giá trị đến",
    "verification body": "tổ chức kiểm định",
    "certificate number": "số giấy chứng nhận",
    "radiation worker certificate number": "số chứng chỉ nhân viên bức xạ",
    "filed on": "ngày nộp",
    "conditions": "điều kiện",
    "An application cannot be filed in the future.": "Không thể nộp hồ sơ vào một ngày trong tương lai.",
    "A refusal needs a reason.": "Từ chối phải nêu lý do.",
    "This decision needs a reason.": "Quyết định này phải nêu lý do.",
    "Unknown facility.": "Không có cơ sở này.",
    "A device of this manufacturer with this serial is registered.":
        "Thiết bị của hãng sản xuất này với số sản xuất này đã được đăng ký.",
    "A reading for this period is already recorded.": "Kết quả đo liều cho kỳ này đã được ghi.",
    "You may not make this change.": "Bạn không được thực hiện thay đổi này.",
    "Only a superuser may change an officer or a superuser.":
        "Chỉ quản trị viên cao nhất mới được sửa tài khoản cán bộ hoặc quản trị viên cao nhất.",
    "paper licence number": "số giấy phép bản giấy",
    "Enter the number printed on the paper licence.": "Hãy nhập số in trên giấy phép bản giấy.",
    "A paper licence with this number was already transcribed.": "Giấy phép bản giấy số này đã được chuyển đổi.",
    "This facility already holds a licence in force from %(start)s to %(end)s, which overlaps this one.":
        "Cơ sở này đang có giấy phép còn hiệu lực từ %(start)s đến %(end)s, trùng thời hạn với giấy phép này.",
    "A paper licence cannot be dated in the future (today is %(today)s).":
        "Giấy phép bản giấy không thể có ngày cấp trong tương lai (hôm nay là %(today)s).",
    "A licence must end after the day it was issued.": "Giấy phép phải hết hạn sau ngày cấp.",
    "This paper licence has expired: the facility applies for a new licence instead.":
        "Giấy phép bản giấy này đã hết hạn: cơ sở phải đề nghị cấp giấy phép mới.",
    # Issue 8, point 6: the libraries' messages our API answers (config/library_messages.py lists them), and ours.
    "A server error occurred.": "Đã xảy ra lỗi máy chủ.",
    "Invalid input.": "Dữ liệu không hợp lệ.",
    "Malformed request.": "Yêu cầu sai cấu trúc.",
    "Incorrect authentication credentials.": "Thông tin xác thực không đúng.",
    "Authentication credentials were not provided.": "Chưa gửi thông tin xác thực (hãy đăng nhập).",
    "Could not satisfy the request Accept header.": "Không thể trả lời theo định dạng nêu trong tiêu đề Accept.",
    'Unsupported media type "{media_type}" in request.':
        "Không hỗ trợ kiểu nội dung \u201c{media_type}\u201d.",
    "Request was throttled.": "Quá nhiều yêu cầu.",
    "Expected available in {wait} second.": "Hãy thử lại sau {wait} giây.",
    "This field may not be null.": "Trường này không được để trống (null).",
    "Must be a valid boolean.": "Phải là giá trị đúng/sai (true hoặc false).",
    "Not a valid string.": "Không phải là một chuỗi ký tự hợp lệ.",
    "Ensure this field has no more than {max_length} characters.": "Trường này có tối đa {max_length} ký tự.",
    "Ensure this field has at least {min_length} characters.": "Trường này phải có ít nhất {min_length} ký tự.",
    "This value does not match the required pattern.": "Giá trị không đúng định dạng yêu cầu.",
    "Must be a valid UUID.": "Phải là một UUID hợp lệ.",
    "A valid integer is required.": "Phải là một số nguyên hợp lệ.",
    "Ensure this value is less than or equal to {max_value}.": "Giá trị phải nhỏ hơn hoặc bằng {max_value}.",
    "Ensure this value is greater than or equal to {min_value}.": "Giá trị phải lớn hơn hoặc bằng {min_value}.",
    "String value too large.": "Chuỗi số quá dài.",
    "A valid number is required.": "Phải là một số hợp lệ.",
    "Ensure that there are no more than {max_digits} digits in total.": "Số có tối đa {max_digits} chữ số.",
    "Ensure that there are no more than {max_decimal_places} decimal places.":
        "Số có tối đa {max_decimal_places} chữ số thập phân.",
    "Ensure that there are no more than {max_whole_digits} digits before the decimal point.":
        "Phần nguyên có tối đa {max_whole_digits} chữ số.",
    "Datetime has wrong format. Use one of these formats instead: {format}.":
        "Ngày giờ sai định dạng. Hãy dùng một trong các định dạng: {format}.",
    "Expected a datetime but got a date.": "Cần ngày giờ nhưng chỉ nhận được ngày.",
    "Datetime value out of range.": "Ngày giờ nằm ngoài phạm vi cho phép.",
    "Expected a date but got a datetime.": "Cần ngày nhưng nhận được ngày giờ.",
    '"{input}" is not a valid choice.': "\u201c{input}\u201d không phải là lựa chọn hợp lệ.",
    'Expected a list of items but got type "{input_type}".':
        "Cần một danh sách nhưng nhận được kiểu \u201c{input_type}\u201d.",
    "This selection may not be empty.": "Phải chọn ít nhất một mục.",
    "The submitted data was not a file. Check the encoding type on the form.":
        "Dữ liệu gửi lên không phải là tệp. Hãy kiểm tra kiểu mã hóa của biểu mẫu.",
    "No filename could be determined.": "Không xác định được tên tệp.",
    "Ensure this filename has at most {max_length} characters (it has {length}).":
        "Tên tệp có tối đa {max_length} ký tự (tên này có {length}).",
    "Ensure this field has at least {min_length} elements.": "Trường này phải có ít nhất {min_length} phần tử.",
    "Ensure this field has no more than {max_length} elements.": "Trường này có tối đa {max_length} phần tử.",
    'Expected a dictionary of items but got type "{input_type}".':
        "Cần một đối tượng (từ điển) nhưng nhận được kiểu \u201c{input_type}\u201d.",
    "This dictionary may not be empty.": "Đối tượng này không được để trống.",
    "Invalid data. Expected a dictionary, but got {datatype}.":
        "Dữ liệu không hợp lệ: cần một đối tượng nhưng nhận được {datatype}.",
    'Invalid pk "{pk_value}" - object does not exist.':
        "Mã \u201c{pk_value}\u201d không hợp lệ: không có đối tượng này.",
    "Incorrect type. Expected pk value, received {data_type}.": "Sai kiểu: cần mã số (id), nhận được {data_type}.",
    "Invalid value.": "Giá trị không hợp lệ.",
    "Invalid page.": "Trang không hợp lệ.",
    "This field must be unique.": "Giá trị của trường này đã được dùng.",
    "The fields {field_names} must make a unique set.": "Bộ giá trị {field_names} đã được dùng.",
    "Surrogate characters are not allowed: U+{code_point:X}.":
        "Không được dùng ký tự thay thế (surrogate): U+{code_point:X}.",
    "Invalid token header. No credentials provided.": "Tiêu đề token không hợp lệ: không có thông tin xác thực.",
    "Invalid token header. Token string should not contain spaces.":
        "Tiêu đề token không hợp lệ: token không được chứa dấu cách.",
    "Invalid token.": "Token không hợp lệ hoặc đã hết hạn.",
    "Select a lookup.": "Hãy chọn một phép so sánh.",
    "Range query expects two values.": "Truy vấn khoảng cần hai giá trị.",
    "Null characters are not allowed.": "Không được dùng ký tự NUL.",
    "Enter a complete value.": "Hãy nhập đầy đủ giá trị.",
    "Enter a valid UUID.": "Hãy nhập một UUID hợp lệ.",
    "Enter a valid JSON.": "Hãy nhập JSON hợp lệ.",
    "Enter a valid duration.": "Hãy nhập một khoảng thời gian hợp lệ.",
    "\u201c%(pk)s\u201d is not a valid value.": "\u201c%(pk)s\u201d không phải là giá trị hợp lệ.",
    "\u201c%(value)s\u201d value must be an integer.": "\u201c%(value)s\u201d phải là số nguyên.",
    "\u201c%(value)s\u201d value must be a decimal number.": "\u201c%(value)s\u201d phải là số thập phân.",
    "\u201c%(value)s\u201d value has an invalid date format. It must be in YYYY-MM-DD format.":
        "\u201c%(value)s\u201d sai định dạng ngày; phải theo dạng YYYY-MM-DD.",
    "\u201c%(value)s\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date.":
        "\u201c%(value)s\u201d đúng định dạng (YYYY-MM-DD) nhưng không phải là ngày có thật.",
    "This password is too short. It must contain at least %d character.":
        "Mật khẩu quá ngắn: phải có ít nhất %d ký tự.",
    "The body is not valid JSON (line %(line)s, column %(column)s).":
        "Nội dung không phải JSON hợp lệ (dòng %(line)s, cột %(column)s).",
    "The body is not valid JSON text in UTF-8.": "Nội dung không phải văn bản JSON hợp lệ mã hóa UTF-8.",
    "The request has more fields or files than this service accepts.":
        "Yêu cầu có nhiều trường hoặc tệp hơn mức dịch vụ chấp nhận.",
    # --- inspections: the legal catalogue of sanctions and the law's arithmetic (issue 9) ---
    "from %(minimum)s to %(maximum)s VND": "từ %(minimum)s đến %(maximum)s đồng",
    "%(range)s for an organization (tổ chức): the individual's range × %(multiplier)s (Decree 119/2017 Art. 3)":
        "%(range)s đối với tổ chức: gấp %(multiplier)s lần khung phạt đối với cá nhân (Điều 3 Nghị định "
        "119/2017/NĐ-CP)",
    "%(range)s for an individual (cá nhân): a household business or a person is fined at the individual's range, "
    "without the organization's multiplier":
        "%(range)s đối với cá nhân: hộ kinh doanh, cá nhân bị phạt theo khung phạt đối với cá nhân, không nhân hệ "
        "số của tổ chức",
    "violator's legal form": "loại hình pháp lý của người vi phạm",
    "The fine of violation type %(code)s is not confirmed in the catalogue yet: an officer must enter its range "
    "before it can be used in a decision.":
        "Mức phạt của hành vi vi phạm %(code)s chưa được xác nhận trong danh mục: cán bộ phải nhập khung phạt trước "
        "khi dùng trong quyết định xử phạt.",
    "The fine must be %(amount)s VND: the average of the range %(range)s, as no aggravating or mitigating "
    "circumstance remains once they are offset (Decree 118/2021 Art. 9).":
        "Mức phạt phải là %(amount)s đồng: mức trung bình của khung phạt %(range)s, vì sau khi bù trừ không còn tình "
        "tiết tăng nặng hoặc giảm nhẹ (Điều 9 Nghị định 118/2021/NĐ-CP).",
    "The fine must be %(amount)s VND: the minimum of the range %(range)s, as two or more mitigating circumstances "
    "remain (Decree 118/2021 Art. 9).":
        "Mức phạt phải là %(amount)s đồng: mức tối thiểu của khung phạt %(range)s, vì còn từ hai tình tiết giảm nhẹ "
        "trở lên (Điều 9 Nghị định 118/2021/NĐ-CP).",
    "The fine must be %(amount)s VND: the maximum of the range %(range)s, as two or more aggravating circumstances "
    "remain (Decree 118/2021 Art. 9).":
        "Mức phạt phải là %(amount)s đồng: mức tối đa của khung phạt %(range)s, vì còn từ hai tình tiết tăng nặng "
        "trở lên (Điều 9 Nghị định 118/2021/NĐ-CP).",
    "The fine must be above %(lower)s VND and below %(upper)s VND: one mitigating circumstance puts it between the "
    "minimum and the average of the range %(range)s (Decree 118/2021 Art. 9).":
        "Mức phạt phải trên %(lower)s đồng và dưới %(upper)s đồng: một tình tiết giảm nhẹ đặt mức phạt giữa mức tối "
        "thiểu và mức trung bình của khung phạt %(range)s (Điều 9 Nghị định 118/2021/NĐ-CP).",
    "The fine must be above %(lower)s VND and below %(upper)s VND: one aggravating circumstance puts it between the "
    "average and the maximum of the range %(range)s (Decree 118/2021 Art. 9).":
        "Mức phạt phải trên %(lower)s đồng và dưới %(upper)s đồng: một tình tiết tăng nặng đặt mức phạt giữa mức "
        "trung bình và mức tối đa của khung phạt %(range)s (Điều 9 Nghị định 118/2021/NĐ-CP).",
    "A fine is a whole number of VND.": "Mức phạt phải là một số nguyên đồng.",
    "The fine of %(amount)s VND is outside the range %(range)s.":
        "Mức phạt %(amount)s đồng nằm ngoài khung phạt %(range)s.",
    "Sanctioning is barred: the limitation period for this violation ended on %(day)s (Law on Handling "
    "Administrative Violations Art. 6).":
        "Đã hết thời hiệu xử phạt: thời hiệu xử phạt hành vi vi phạm này đã kết thúc ngày %(day)s (Điều 6 Luật Xử lý "
        "vi phạm hành chính).",
    "Confirmed": "Đã xác nhận", "Partly confirmed": "Xác nhận một phần", "Unconfirmed": "Chưa xác nhận",
    "Enter a list of texts, one measure each.": "Hãy nhập một danh sách văn bản, mỗi biện pháp một mục.",
    "decree": "nghị định", "e.g. 119/2017/NĐ-CP": "ví dụ 119/2017/NĐ-CP", "amended by": "được sửa đổi, bổ sung bởi",
    "e.g. 126/2021/NĐ-CP": "ví dụ 126/2021/NĐ-CP", "article": "điều", "clause": "khoản", "point": "điểm",
    "description (as the record prints it)": "mô tả hành vi (như biên bản ghi)",
    "description (as the decision prints it)": "mô tả (như quyết định ghi)",
    "English description": "mô tả bằng tiếng Anh",
    "individual's minimum fine (VND)": "mức phạt tối thiểu đối với cá nhân (đồng)",
    "individual's maximum fine (VND)": "mức phạt tối đa đối với cá nhân (đồng)",
    "organisation's multiplier": "hệ số mức phạt đối với tổ chức",
    "a warning may be given instead of a fine": "có thể phạt cảnh cáo thay cho phạt tiền",
    "additional penalties": "hình thức xử phạt bổ sung", "remedial measures": "biện pháp khắc phục hậu quả",
    "limitation group": "nhóm thời hiệu xử phạt", "in force until": "hết hiệu lực từ ngày",
    "The first day on which it no longer applies.": "Ngày đầu tiên không còn áp dụng.", "source": "nguồn",
    "The maximum fine must not be below the minimum.": "Mức phạt tối đa không được thấp hơn mức tối thiểu.",
    "A fine is at least 1 VND; leave it empty while unconfirmed.":
        "Mức phạt ít nhất là 1 đồng; để trống khi chưa được xác nhận.",
    "The organisation's multiplier is at least 1.": "Hệ số mức phạt đối với tổ chức ít nhất là 1.",
    "The end of force must come after its start.": "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
    "No sanctioning limitation is in the catalogue for this group (legal parameter %(key)s).":
        "Danh mục chưa có thời hiệu xử phạt cho nhóm này (tham số pháp lý %(key)s).",
    "Aggravating": "Tăng nặng", "Mitigating": "Giảm nhẹ",
    "Unknown violation type.": "Không có hành vi vi phạm này trong danh mục.",
    "No version of violation type %(code)s was in force on %(day)s.":
        "Không có phiên bản nào của hành vi vi phạm %(code)s có hiệu lực vào ngày %(day)s.",
    # --- inspections: plans and cases (issue 9 points 1-2) ---
    "text": "nội dung", "topic": "lĩnh vực", "title": "tên", "planned month": "tháng dự kiến",
    "State metrology check": "Kiểm tra nhà nước về đo lường", "Inspection": "Thanh tra",
    "Planned": "Theo kế hoạch", "Open": "Đang tiến hành", "Findings recorded": "Đã ghi nhận kết quả",
    "Closed": "Đã kết thúc", "plan": "kế hoạch", "signer's name": "họ tên người ký",
    "signer's title": "chức vụ người ký", "team leader": "trưởng đoàn", "X-ray device": "Thiết bị X-quang",
    "description": "mô tả", "Conforming": "Phù hợp", "Not conforming": "Không phù hợp",
    "Not applicable": "Không áp dụng", "note": "ghi chú", "year": "năm", "inspecting body": "cơ quan kiểm tra",
    "planned subjects": "đối tượng dự kiến", "decision number": "số quyết định", "decision date": "ngày quyết định",
    "inspector": "thanh tra viên", "Measuring instrument": "Phương tiện đo", "examined on": "ngày kiểm tra",
    "pre-filled from the verification register": "điền sẵn từ sổ kiểm định",
    "The inspecting body must be a state agency: the department or the provincial inspectorate.":
        "Cơ quan tiến hành phải là cơ quan nhà nước: Sở Khoa học và Công nghệ hoặc Thanh tra tỉnh.",
    "Provincial inspectorate": "Thanh tra tỉnh",
    "A %(kind)s decided on %(day)s is carried out by the %(expected)s, not by %(body)s (Law on Inspection "
    "84/2025/QH15, in force from 01/07/2025: inspections are the provincial inspectorate's; state metrology checks "
    "stay the department's).":
        "Cuộc %(kind)s quyết định ngày %(day)s do %(expected)s tiến hành, không phải %(body)s (Luật Thanh tra số "
        "84/2025/QH15, có hiệu lực từ ngày 01/07/2025: thanh tra do Thanh tra tỉnh tiến hành; kiểm tra nhà nước về "
        "đo lường vẫn do Sở Khoa học và Công nghệ tiến hành).",
    "The case's topic must be its plan's.": "Lĩnh vực của cuộc kiểm tra phải là lĩnh vực của kế hoạch.",
    "A case that is %(status)s cannot become %(target)s.":
        "Cuộc kiểm tra đang ở trạng thái %(status)s không thể chuyển sang %(target)s.",
    "An inspector is named twice.": "Một thanh tra viên được nêu hai lần.",
    "A team has exactly one leader.": "Đoàn kiểm tra có đúng một trưởng đoàn.",
    "User %(id)s is not an active inspector.": "Người dùng %(id)s không phải thanh tra viên đang hoạt động.",
    "Name the team and its leader before the decision is issued.":
        "Cần chỉ định đoàn kiểm tra và trưởng đoàn trước khi ban hành quyết định.",
    "Name at least one organization to check before the decision.":
        "Cần nêu ít nhất một tổ chức được kiểm tra trước khi ban hành quyết định.",
    "Record at least one finding first.": "Cần ghi nhận ít nhất một kết quả kiểm tra trước.",
    "Findings are recorded only while the case is open.":
        "Chỉ ghi nhận kết quả khi cuộc kiểm tra đang tiến hành.",
    "Several registered devices carry this serial number; name the one examined by its id.":
        "Có nhiều thiết bị đã đăng ký mang số sản xuất này; hãy chỉ rõ thiết bị được kiểm tra theo mã.",
    "An instrument is not an X-ray device.": "Phương tiện đo không phải thiết bị X-quang.",
    "Unknown X-ray device.": "Không có thiết bị X-quang này.",
    "Nothing registered carries this serial number: record the serial number and a description as found.":
        "Không có thiết bị đã đăng ký mang số sản xuất này: hãy ghi số sản xuất và mô tả theo thực tế.",
    "Failed verification on %(failed_on)s; the last certificate, no. %(number)s, was valid until "
    "%(valid_until)s (verification register, as of %(day)s).":
        "Kiểm định không đạt ngày %(failed_on)s; giấy chứng nhận gần nhất số %(number)s có giá trị đến "
        "%(valid_until)s (theo sổ kiểm định, tại ngày %(day)s).",
    "Verification expired: certificate no. %(number)s was valid until %(valid_until)s (verification register, "
    "as of %(day)s).":
        "Hết hạn kiểm định: giấy chứng nhận số %(number)s có giá trị đến %(valid_until)s (theo sổ kiểm định, "
        "tại ngày %(day)s).",
    "Unknown inspection topic.": "Không có lĩnh vực kiểm tra này.",
    "Unknown organization: %(id)s.": "Không có tổ chức: %(id)s.",
    "Unknown inspection plan.": "Không có kế hoạch kiểm tra này.",
    "A team needs at least one inspector.": "Đoàn kiểm tra cần ít nhất một thanh tra viên.",
    "The decision has fixed this case's team.": "Quyết định đã xác định thành phần đoàn kiểm tra này.",
    "A decision cannot be dated in the future.": "Quyết định không thể ghi ngày trong tương lai.",
    "Subjects are added only before the findings are recorded.":
        "Chỉ thêm đối tượng kiểm tra trước khi ghi nhận kết quả.",
    "This organization is already a subject of this case.": "Tổ chức này đã là đối tượng của cuộc kiểm tra.",
    "Unknown subject of this case.": "Không có đối tượng này trong cuộc kiểm tra.",
    "An X-ray device is not an instrument.": "Thiết bị X-quang không phải phương tiện đo.",
    "An examination cannot be dated in the future.": "Ngày kiểm tra không thể ở tương lai.",
    "An examination cannot be dated before the case's decision.":
        "Ngày kiểm tra không thể trước ngày quyết định kiểm tra.",
    "This device was already examined at this subject.": "Thiết bị này đã được kiểm tra tại đối tượng này.",
    "Unknown examined item of this subject.": "Không có thiết bị được kiểm tra này tại đối tượng.",
    "This item is not on the checklist of the case's topic.":
        "Nội dung này không thuộc danh mục kiểm tra của lĩnh vực.",
    "Unknown finding of this case.": "Không có kết quả kiểm tra này trong cuộc kiểm tra.",
    # --- check records (issue 9 point 3) ---
    "Check record": "Biên bản kiểm tra",
    "record started at": "bắt đầu lập biên bản lúc", "record ended at": "kết thúc lập biên bản lúc",
    "place": "địa điểm", "representative's name": "họ tên người đại diện",
    "representative's title": "chức vụ người đại diện", "refused to sign": "từ chối ký",
    "reason for the refusal": "lý do từ chối", "witnesses": "người chứng kiến",
    "establishment's opinion": "ý kiến của cơ sở", "remedy deadline": "thời hạn khắc phục",
    "The check cannot end before it started.": "Thời điểm kết thúc kiểm tra không thể trước thời điểm bắt đầu.",
    "A check record covers one day: it ends on the day it started.":
        "Biên bản kiểm tra lập trong một ngày: phải kết thúc trong ngày bắt đầu.",
    "A check record cannot be dated in the future.": "Biên bản kiểm tra không thể ghi ngày trong tương lai.",
    "A check record cannot be dated before the case's decision.":
        "Biên bản kiểm tra không thể lập trước ngày quyết định kiểm tra.",
    "Name the witnesses of the representative's refusal to sign.":
        "Ghi rõ người chứng kiến việc đại diện cơ sở không ký biên bản.",
    "Every witness needs a name.": "Mỗi người chứng kiến phải có họ tên.",
    "A deadline needs the remedial measures it is for.": "Thời hạn phải đi kèm biện pháp khắc phục.",
    "A remedy's deadline cannot be before the check.": "Thời hạn khắc phục không thể trước ngày kiểm tra.",
    "A check record is drawn up only while the case is open or its findings are recorded.":
        "Chỉ lập biên bản kiểm tra khi cuộc kiểm tra đang tiến hành hoặc đã ghi nhận kết quả.",
    "This subject's check record was already issued; a correction would supersede it.":
        "Biên bản kiểm tra của đối tượng này đã được lập; việc đính chính phải lập biên bản thay thế.",
    # Violations, records, penalty decisions, payments and remedies (issue 9 points 3-7).
    'Penalty decision':
        'Quyết định xử phạt vi phạm hành chính',
    'Administrative violation record':
        'Biên bản vi phạm hành chính',
    'violator':
        'đối tượng vi phạm',
    'facts':
        'tình tiết',
    'place of the act':
        'nơi xảy ra vi phạm',
    'circumstances':
        'tình tiết tăng nặng, giảm nhẹ',
    'drawn up on':
        'ngày lập',
    'drawn up at':
        'giờ lập',
    "violator's representative":
        'người đại diện của tổ chức vi phạm',
    "violator's statement":
        'ý kiến trình bày của đối tượng vi phạm',
    'the violator refused to sign':
        'đối tượng vi phạm không ký biên bản',
    'reason of the refusal':
        'lý do không ký',
    'ended at':
        'giờ kết thúc',
    '7 working days':
        '07 ngày làm việc',
    '10 working days: the file was transferred':
        '10 ngày làm việc: hồ sơ phải chuyển đến người có thẩm quyền',
    '1 month: the violator asked to explain, or facts were verified':
        '01 tháng: đối tượng vi phạm yêu cầu giải trình hoặc phải xác minh tình tiết',
    '2 months: a serious or complex case':
        '02 tháng: vụ việc đặc biệt nghiêm trọng, phức tạp',
    'deadline case':
        'trường hợp thời hạn',
    'due on (decision)':
        'hạn ra quyết định',
    'payment due on':
        'hạn nộp tiền phạt',
    'total fine (VND)':
        'tổng số tiền phạt (đồng)',
    'treasury account':
        'tài khoản Kho bạc',
    'fine (VND)':
        'số tiền phạt (đồng)',
    'amount (VND)':
        'số tiền (đồng)',
    'deadline':
        'thời hạn',
    'decided on':
        'ngày ra quyết định',
    'received on':
        'ngày nhận quyết định',
    'paid on':
        'ngày nộp',
    'receipt number':
        'số biên lai',
    'instruments concerned':
        'phương tiện đo liên quan',
    'date of the act':
        'ngày vi phạm',
    'violation type':
        'hành vi vi phạm',
    'inspection':
        'cuộc kiểm tra',
    'Have the instrument verified':
        'Buộc kiểm định phương tiện đo',
    'Other remedial measure':
        'Biện pháp khắc phục khác',
    'Remedy past its deadline':
        'Biện pháp khắc phục quá hạn',
    'Fine unpaid past its due date':
        'Tiền phạt quá hạn chưa nộp',
    'Violations are recorded only while the case is open or its findings recorded.':
        'Chỉ ghi nhận vi phạm khi cuộc kiểm tra đang tiến hành hoặc đã ghi nhận kết quả.',
    'The violator must be an organization checked in this case.':
        'Đối tượng vi phạm phải là tổ chức được kiểm tra trong cuộc kiểm tra này.',
    'This date cannot be in the future.':
        'Ngày này không được ở tương lai.',
    'Instrument %(id)s is not a registered instrument of the violator examined in this case.':
        'Phương tiện đo %(id)s không phải phương tiện đo đã đăng ký của đối tượng vi phạm được kiểm tra trong '
        'cuộc kiểm tra này.',
    'Unknown circumstance: %(id)s.':
        'Không có tình tiết: %(id)s.',
    'Describe the facts of the violation.':
        'Hãy mô tả tình tiết vi phạm.',
    'The violation record of this violator is already drawn up in this case.':
        'Biên bản vi phạm hành chính của đối tượng này trong cuộc kiểm tra đã được lập.',
    "A record cannot be dated before the case's decision.":
        'Biên bản không được lập trước ngày quyết định kiểm tra.',
    'The record cannot end before it began.':
        'Biên bản không thể kết thúc trước khi bắt đầu.',
    'A refusal to sign is recorded with the witnesses who saw it (Law Art. 58.3).':
        'Việc không ký biên bản phải ghi rõ người chứng kiến (Điều 58.3 Luật Xử lý vi phạm hành chính).',
    'No violation of this violator is recorded in this case.':
        'Chưa ghi nhận vi phạm nào của đối tượng này trong cuộc kiểm tra.',
    'The decision was due by %(day)s: %(period)s after the violation record of %(record)s (Law on Handling '
    'Administrative Violations Art. 66.1). A longer period applies only in the cases the law names '
    '(deadline_case).':
        'Quyết định phải được ban hành chậm nhất ngày %(day)s: %(period)s kể từ ngày lập biên bản vi phạm hành '
        'chính %(record)s (Điều 66.1 Luật Xử lý vi phạm hành chính). Thời hạn dài hơn chỉ áp dụng trong các '
        'trường hợp luật quy định (deadline_case).',
    'Give one fine for each violation of the record, and only those.':
        'Nêu một mức phạt cho mỗi hành vi vi phạm của biên bản, và chỉ các hành vi đó.',
    "A remedy's deadline cannot come before the decision.":
        'Thời hạn thực hiện biện pháp khắc phục không được trước ngày ra quyết định.',
    'Name the instrument to have verified, among those the violations concern.':
        'Nêu phương tiện đo phải kiểm định, trong số phương tiện đo liên quan đến hành vi vi phạm.',
    'Describe the remedial measure.':
        'Hãy mô tả biện pháp khắc phục hậu quả.',
    'Unknown violation record.':
        'Không có biên bản vi phạm hành chính này.',
    'A penalty decision was already issued on this violation record.':
        'Đã ban hành quyết định xử phạt theo biên bản vi phạm hành chính này.',
    'A decision cannot come before its violation record.':
        'Quyết định không được ban hành trước ngày lập biên bản vi phạm hành chính.',
    'The decision cannot be received before it is made.':
        'Ngày nhận quyết định không được trước ngày ra quyết định.',
    'Unknown penalty decision.':
        'Không có quyết định xử phạt này.',
    'A payment cannot come before the decision.':
        'Ngày nộp tiền phạt không được trước ngày ra quyết định.',
    'The amount must be above 0 and at most the balance of %(balance)s VND.':
        'Số tiền phải lớn hơn 0 và không vượt quá số còn phải nộp %(balance)s đồng.',
    'This receipt is already recorded for this decision.':
        'Biên lai này đã được ghi nhận cho quyết định.',
    # Who may sign a penalty decision (inspections/models/competence.py, services/competence.py)
    "e.g. Đo lường": "Ví dụ: Đo lường",
    "As the violation types name it: 119/2017/NĐ-CP": "Ghi như danh mục hành vi vi phạm: 119/2017/NĐ-CP",
    "from article": "từ Điều", "to article": "đến Điều",
    "organisation's maximum fine (VND)": "mức phạt tối đa đối với tổ chức (đồng)",
    "Give both ends of the range of articles, or neither (the whole decree).":
        "Nhập cả điều đầu và điều cuối, hoặc để trống cả hai (toàn bộ nghị định).",
    "The last article must not come before the first.": "Điều cuối không được đứng trước điều đầu.",
    "Another field of this decree already covers these articles: %(field)s.":
        "Một lĩnh vực khác của nghị định này đã bao gồm các điều này: %(field)s.",
    "title (as the law names it)": "chức danh (theo văn bản quy phạm)",
    "e.g. Giám đốc Sở Khoa học và Công nghệ": "Ví dụ: Giám đốc Sở Khoa học và Công nghệ",
    "position (as it signs)": "chức vụ (khi ký)", "e.g. Giám đốc": "Ví dụ: Giám đốc",
    "fine cap (percent of the field's maximum)":
        "thẩm quyền phạt tiền (tỷ lệ phần trăm mức phạt tiền tối đa của lĩnh vực)",
    "Empty while unconfirmed: the title cannot sign a fine until it is entered.":
        "Để trống khi chưa xác nhận: chức danh chưa được ký quyết định phạt tiền cho đến khi nhập mức này.",
    "may give a warning": "được phạt cảnh cáo",
    "may withdraw a licence or suspend an activity":
        "được tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn hoặc đình chỉ hoạt động có thời hạn",
    "may confiscate exhibits and means": "được tịch thu tang vật, phương tiện vi phạm hành chính",
    "may impose remedial measures (Law Art. 28.1)":
        "được áp dụng biện pháp khắc phục hậu quả (Luật Xử lý vi phạm hành chính Điều 28 khoản 1)",
    "only in the cases its holder leads": "chỉ trong vụ việc do người giữ chức danh làm trưởng đoàn",
    "A cap is a percentage from 0 to 100.": "Thẩm quyền phạt tiền là tỷ lệ phần trăm từ 0 đến 100.",
    "holder": "người có thẩm quyền", "sanctioning title": "chức danh có thẩm quyền xử phạt",
    "organisation": "cơ quan",
    "The department whose cases the power decides.": "Sở thụ lý các vụ việc mà người này có thẩm quyền xử phạt.",
    "The last day the power may be used; empty while it lasts.":
        "Ngày cuối cùng được sử dụng thẩm quyền; để trống khi còn hiệu lực.",
    "holder's own position (delegation)": "chức vụ của người được giao quyền",
    "For a deputy by delegation: e.g. Phó Giám đốc.": "Đối với cấp phó được giao quyền: ví dụ Phó Giám đốc.",
    "delegation decision number": "số quyết định giao quyền xử phạt",
    "e.g. 15/QĐ-GQXP; empty for the title's own holder.":
        "Ví dụ: 15/QĐ-GQXP; để trống nếu là người đứng đầu giữ chức danh.",
    "delegation decision date": "ngày quyết định giao quyền xử phạt",
    "Only an officer or an inspector may hold a sanctioning power.":
        "Chỉ cán bộ hoặc thanh tra viên mới được giữ thẩm quyền xử phạt.",
    "A sanctioning power is held at a state agency: the department or the provincial inspectorate.":
        "Thẩm quyền xử phạt phải gắn với cơ quan nhà nước: Sở Khoa học và Công nghệ hoặc Thanh tra tỉnh.",
    "The last day cannot come before the first.": "Ngày cuối không được trước ngày bắt đầu.",
    "Enter the number of the delegation decision, or no date.":
        "Hãy nhập số quyết định giao quyền, hoặc bỏ trống ngày của quyết định.",
    "Enter the date of the delegation decision.": "Hãy nhập ngày của quyết định giao quyền.",
    "Enter the deputy's own position (e.g. Phó Giám đốc): the decision is signed \"KT.\" over it.":
        "Hãy nhập chức vụ của cấp phó (ví dụ: Phó Giám đốc): quyết định được ký \"KT.\" trên chức vụ này.",
    "The power cannot start before the delegation decision.":
        "Thẩm quyền không được bắt đầu trước ngày quyết định giao quyền.",
    "sanctioning power": "thẩm quyền xử phạt", "authority": "chức danh, cơ quan ra quyết định",
    "signed for (KT.)": "ký thay (KT.)",
    "You hold no power to sanction in force on %(day)s. Officers record who holds which sanctioning title, and from "
    "when to when, in the admin.":
        "Bạn không có thẩm quyền xử phạt còn hiệu lực vào ngày %(day)s. Cán bộ ghi nhận ai giữ chức danh có thẩm quyền "
        "xử phạt nào, từ ngày nào đến ngày nào, trong trang quản trị.",
    "None of your powers to sanction in force on %(day)s is held at %(organization)s, whose case this is (a team "
    "leader's only in a case they lead).":
        "Không thẩm quyền xử phạt nào của bạn còn hiệu lực vào ngày %(day)s gắn với %(organization)s, cơ quan thụ lý "
        "vụ việc này (thẩm quyền của trưởng đoàn chỉ dùng trong vụ việc do mình làm trưởng đoàn).",
    "The fine cap of the title %(title)s is not confirmed in the catalogue yet: an officer must enter it before this "
    "title can sign a fine.":
        "Thẩm quyền phạt tiền của chức danh %(title)s chưa được xác nhận trong danh mục: cán bộ phải nhập trước khi "
        "chức danh này ký quyết định phạt tiền.",
    "The maximum fine of the field %(field)s is not confirmed in the catalogue yet: an officer must enter it before a "
    "title's cap can be applied.":
        "Mức phạt tiền tối đa của lĩnh vực %(field)s chưa được xác nhận trong danh mục: cán bộ phải nhập trước khi áp "
        "dụng thẩm quyền phạt tiền của chức danh.",
    "The catalogue does not say which field violation type %(code)s belongs to, so no title's cap can be applied to "
    "it: an officer must add its decree to the sanction fields.":
        "Danh mục chưa xác định hành vi vi phạm %(code)s thuộc lĩnh vực nào nên không áp dụng được thẩm quyền phạt "
        "tiền của chức danh: cán bộ phải bổ sung nghị định của hành vi này vào danh mục lĩnh vực xử phạt.",
    "%(title)s may fine up to %(cap)s VND for %(violator)s in the field %(field)s (%(percent)s%% of its maximum, "
    "Decree 189/2025); the fine range of violation type %(code)s reaches %(reach)s VND, and competence is judged on "
    "the range's maximum (Law Art. 52): a holder of a higher title decides it.":
        "%(title)s được phạt tiền đến %(cap)s đồng đối với %(violator)s trong lĩnh vực %(field)s (%(percent)s%% mức "
        "phạt tiền tối đa, Nghị định 189/2025/NĐ-CP); khung tiền phạt của hành vi vi phạm %(code)s lên đến "
        "%(reach)s đồng, mà thẩm quyền xử phạt được xác định theo mức tối đa của khung (Luật Xử lý vi phạm hành chính "
        "Điều 52): người giữ chức danh cao hơn ra quyết định.",
    "an organisation": "tổ chức", "an individual": "cá nhân",
    "The title %(title)s may not impose remedial measures.":
        "Chức danh %(title)s không có thẩm quyền áp dụng biện pháp khắc phục hậu quả.",

    # --- The web pages (issue 10): layout, signing in, the public searches, start pages, errors ---
    "Metrology and inspection registry": "Hệ thống quản lý đo lường và thanh tra",
    "Skip to the content": "Bỏ qua, đến nội dung chính",
    "Main menu": "Trình đơn chính",
    "Start": "Trang đầu",
    "Look up": "Tra cứu",
    "Sign in": "Đăng nhập",
    "Sign out": "Đăng xuất",
    "You are signed out.": "Bạn đã đăng xuất.",
    "Username": "Tên đăng nhập",
    "Password": "Mật khẩu",
    "This username and password do not match an account. Both are case-sensitive.":
        "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý phân biệt chữ hoa và chữ thường.",
    "For the department's officers and inspectors, verification bodies' technicians, and the businesses and "
    "hospitals that own instruments. The public needs no account to look documents up.":
        "Dành cho cán bộ và thanh tra viên của Sở, kiểm định viên của tổ chức kiểm định, doanh nghiệp và bệnh viện "
        "sở hữu phương tiện đo. Người dân tra cứu văn bản không cần tài khoản.",
    "If you have forgotten your password, ask the department's officer in charge of accounts.":
        "Nếu quên mật khẩu, hãy liên hệ cán bộ quản lý tài khoản của Sở.",
    "Officers and inspectors then enter a code from an authenticator app; the first time, the next page shows how "
    "to set it up.":
        "Cán bộ và thanh tra viên sau đó nhập mã từ ứng dụng xác thực; lần đầu, trang tiếp theo hướng dẫn "
        "cách cài đặt.",
    "Authenticator app": "Ứng dụng xác thực",
    "No authenticator app is set up for this account: sign in again.":
        "Tài khoản này chưa cài đặt ứng dụng xác thực: hãy đăng nhập lại.",
    "Too many wrong codes: try again in %(seconds)d second.":
        "Nhập sai mã quá nhiều lần: hãy thử lại sau %(seconds)d giây.",
    "This code is not right or was already used: enter the 6 digits your app shows now.":
        "Mã không đúng hoặc đã được dùng: hãy nhập 6 chữ số ứng dụng đang hiển thị.",
    "Code from your authenticator app": "Mã từ ứng dụng xác thực",
    "6 digits; the app shows a new code every 30 seconds.": "Gồm 6 chữ số; cứ 30 giây ứng dụng hiển thị một mã mới.",
    "Set up your authenticator app": "Cài đặt ứng dụng xác thực",
    "Enter your code": "Nhập mã xác thực",
    "Officers and inspectors confirm each sign-in with a code from an app on their phone (Google Authenticator, "
    "Microsoft Authenticator, FreeOTP or another TOTP app). This is done once.":
        "Cán bộ và thanh tra viên xác nhận mỗi lần đăng nhập bằng mã từ một ứng dụng trên điện thoại (Google "
        "Authenticator, Microsoft Authenticator, FreeOTP hoặc ứng dụng TOTP khác). Việc cài đặt chỉ làm một lần.",
    "Open the app and choose to add an account by scanning a QR code.":
        "Mở ứng dụng, chọn thêm tài khoản bằng cách quét mã QR.",
    "QR code holding the secret key for your authenticator app": "Mã QR chứa khóa bí mật cho ứng dụng xác thực",
    "If you cannot scan it, choose to enter a key and type this one:":
        "Nếu không quét được, chọn nhập khóa và gõ khóa sau:",
    "Type below the 6-digit code the app now shows for this account.":
        "Nhập vào ô dưới đây mã 6 chữ số mà ứng dụng đang hiển thị cho tài khoản này.",
    "Open your authenticator app and type the 6-digit code it shows for this service.":
        "Mở ứng dụng xác thực và nhập mã 6 chữ số hiển thị cho dịch vụ này.",
    "Confirm and sign in": "Xác nhận và đăng nhập",
    "Lost your phone? The department's officer in charge of accounts can remove the app from your account, and you "
    "set up a new one at your next sign-in.":
        "Mất điện thoại? Cán bộ quản lý tài khoản của Sở có thể gỡ ứng dụng khỏi tài khoản của bạn; lần đăng nhập sau "
        "bạn cài đặt lại.",
    "Enter your password again: the code must follow it within %(minutes)d minute.":
        "Hãy nhập lại mật khẩu: mã xác thực phải được nhập trong vòng %(minutes)d phút sau mật khẩu.",
    "Change your password": "Đổi mật khẩu",
    "Change the password": "Đổi mật khẩu",
    "Your password is changed.": "Mật khẩu đã được thay đổi.",
    "Apps signed in with your old password (API tokens) will have to sign in again.":
        "Các ứng dụng đã đăng nhập bằng mật khẩu cũ (khóa API) sẽ phải đăng nhập lại.",
    "Administration": "Quản trị",
    "Catalogues, organisations, users and documents, with their history.":
        "Danh mục, tổ chức, người dùng và văn bản, kèm lịch sử thay đổi.",
    "Look up a document or an instrument": "Tra cứu văn bản và phương tiện đo",
    "The public search: a document by its number or QR code, an instrument by its serial number.":
        "Tra cứu công khai: văn bản theo số hoặc mã QR, phương tiện đo theo số sản xuất.",
    "Welcome, %(name)s": "Xin chào, %(name)s",
    "Your work": "Công việc của bạn",
    "For everyone": "Dành cho mọi tài khoản",
    "Check that a document issued by the department is genuine and still valid, or find whether an instrument is "
    "verified. No account is needed.":
        "Kiểm tra văn bản do Sở cấp có phải là thật và còn hiệu lực không, hoặc phương tiện đo đã được kiểm định "
        "chưa. Không cần tài khoản.",
    "Check a document": "Kiểm tra văn bản",
    "Check the document": "Kiểm tra",
    "Document number or QR code": "Số văn bản hoặc mã QR",
    "The number printed on the document (for example KĐ-2026/000123), or the address its QR code holds.":
        "Số in trên văn bản (ví dụ KĐ-2026/000123), hoặc địa chỉ đọc được từ mã QR.",
    "Documents found": "Kết quả tra cứu văn bản",
    "%(counter)s document bears this number": "%(counter)s văn bản mang số này",
    "Numbers are given per issuer and year, so several documents may bear the same one. To see whom a document was "
    "issued to, scan its QR code.":
        "Số văn bản được đánh theo từng đơn vị cấp và từng năm nên nhiều văn bản có thể trùng số. Để biết văn bản "
        "cấp cho ai, hãy quét mã QR trên văn bản.",
    "Issued by": "Đơn vị cấp",
    "Issued on": "Ngày cấp",
    "Valid until": "Có giá trị đến",
    "No document found": "Không tìm thấy văn bản",
    "No issued document bears the number or QR code “%(text)s”. Check what you typed against the paper: letters, "
    "dashes and the slash count.":
        "Không có văn bản đã cấp nào mang số hoặc mã QR “%(text)s”. Hãy đối chiếu với văn bản giấy: chữ cái, dấu gạch "
        "ngang và dấu gạch chéo đều phải đúng.",
    "Find an instrument by its serial number": "Tra cứu phương tiện đo theo số sản xuất",
    "Serial number": "Số sản xuất",
    "As printed on the instrument's plate; case and spaces do not matter.":
        "Như ghi trên nhãn của phương tiện đo; không phân biệt chữ hoa, chữ thường và dấu cách.",
    "Enter the serial number printed on the instrument.": "Hãy nhập số sản xuất ghi trên phương tiện đo.",
    "Search the register": "Tra cứu",
    "Instruments found": "Kết quả tra cứu phương tiện đo",
    "%(counter)s registered instrument bears this serial number": "%(counter)s phương tiện đo đã đăng ký mang số này",
    "No instrument found": "Không tìm thấy phương tiện đo",
    "No instrument with the serial number “%(text)s” is on the register.":
        "Không có phương tiện đo nào mang số sản xuất “%(text)s” trong sổ đăng ký.",
    "Failed verification": "Không đạt",
    "Too many searches": "Tra cứu quá nhiều lần",
    "Searches from your address have reached the limit for now. Try again in %(seconds)s second.":
        "Địa chỉ của bạn đã tra cứu quá số lần cho phép. Hãy thử lại sau %(seconds)s giây.",
    "Back to the search": "Quay lại trang tra cứu",
    "%(amount)s VND": "%(amount)s đồng",
    "The form has expired": "Biểu mẫu đã hết hạn",
    "The page was open for too long, or your browser refused this site's cookies, so the form could not be "
    "accepted. Nothing was saved.":
        "Trang đã mở quá lâu, hoặc trình duyệt từ chối cookie của trang này, nên biểu mẫu không được chấp nhận. "
        "Chưa có gì được lưu.",
    "Go back, reload the page and send the form again.": "Hãy quay lại, tải lại trang và gửi lại biểu mẫu.",
    "Home page": "Trang chủ",
    "Your start page": "Trang đầu của bạn",
    "Page not found": "Không tìm thấy trang",
    "There is no page at this address, or it is not one you may see.":
        "Không có trang nào ở địa chỉ này, hoặc bạn không có quyền xem trang này.",
    "Not allowed": "Không được phép",
    "Your account may not do this. If you think it should, ask the department's officer in charge of accounts.":
        "Tài khoản của bạn không được thực hiện việc này. Nếu cho rằng cần được phép, hãy liên hệ cán bộ quản lý tài "
        "khoản của Sở.",
    "Bad request": "Yêu cầu không hợp lệ",
    "The server could not understand this request. Go back and try again.":
        "Máy chủ không hiểu yêu cầu này. Hãy quay lại và thử lại.",
    "Server error": "Lỗi máy chủ",
    "Something went wrong on our side and the request could not be completed. It has been logged for the "
    "administrators. Try again in a few minutes.":
        "Đã xảy ra lỗi phía máy chủ nên yêu cầu không hoàn tất được. Lỗi đã được ghi lại cho quản trị viên. Hãy thử "
        "lại sau ít phút.",
    # web: officer pages
    "Licence applications": "Hồ sơ đề nghị cấp giấy phép",
    "Radiation work licences to decide: each check, the working-day deadlines, issue or refuse.":
        "Giấy phép tiến hành công việc bức xạ chờ giải quyết: từng điều kiện, thời hạn tính theo ngày làm việc, cấp "
        "hoặc từ chối.",
    "Overdue organisations": "Tổ chức quá hạn",
    "Instruments and X-ray units past their verification, licences expired, by organisation.":
        "Phương tiện đo và thiết bị X-quang quá hạn kiểm định, giấy phép hết hạn, theo từng tổ chức.",
    "Organisations": "Tổ chức",
    "Find an organisation, see its users and create an account for it.":
        "Tìm một tổ chức, xem người dùng của tổ chức và tạo tài khoản cho tổ chức.",
    "Users": "Người dùng",
    "Every account, by name or organisation.": "Mọi tài khoản, theo tên hoặc tổ chức.",
    "All": "Tất cả", "Status": "Trạng thái", "Search": "Tìm", "Show": "Xem",
    "Conditions of the licence": "Điều kiện của giấy phép",
    "One condition a line, as the licence will print them. Leave empty for none.":
        "Mỗi dòng một điều kiện, như sẽ in trên giấy phép. Để trống nếu không có.",
    "Reason for the refusal": "Lý do từ chối",
    "The facility reads it as written: cite the rule the file does not meet.":
        "Cơ sở sẽ đọc nguyên văn: nêu rõ quy định mà hồ sơ chưa đáp ứng.",
    "Letters, digits and . @ + - _ only.": "Chỉ gồm chữ, số và các ký tự . @ + - _",
    "Full name": "Họ và tên", "E-mail": "Thư điện tử", "Role": "Vai trò", "First password": "Mật khẩu ban đầu",
    "Where the notices of the organisation are sent.": "Nơi nhận các thông báo gửi tổ chức.",
    "Give it to the user in person; they change it on their first sign-in. %(rules)s":
        "Trao trực tiếp cho người dùng; họ đổi mật khẩu khi đăng nhập lần đầu. %(rules)s",
    "The licence is issued. Its document is being prepared and gets its number now.":
        "Đã cấp giấy phép. Văn bản giấy phép đang được lập và đã có số.",
    "The application is refused; the facility reads the reason with its application.":
        "Đã từ chối hồ sơ; cơ sở xem lý do cùng với hồ sơ của mình.",
    "Part of the name, or the start of the tax code.": "Một phần của tên, hoặc các chữ số đầu của mã số thuế.",
    "Part of the username, the name, the e-mail or the organisation.":
        "Một phần của tên đăng nhập, họ tên, thư điện tử hoặc tên tổ chức.",
    "You may not give this role.": "Bạn không được giao vai trò này.",
    "The account %(username)s is created.": "Đã tạo tài khoản %(username)s.",
    "Verification of the %(kind)s no. %(serial)s": "Kiểm định %(kind)s số %(serial)s",
    "Radiation safety officer with a certificate": "Người phụ trách an toàn bức xạ có chứng chỉ",
    "Personal dosimetry contract": "Hợp đồng đo liều cá nhân",
    "The licence named is in force": "Giấy phép đã nêu còn hiệu lực",
    "Renewal filed in time": "Nộp hồ sơ gia hạn đúng thời hạn",
    "%(counter)s working day left": "Còn %(counter)s ngày làm việc",
    "Due today": "Đến hạn hôm nay",
    "%(counter)s working day late": "Quá hạn %(counter)s ngày làm việc",
    "Decided in time": "Đã giải quyết đúng hạn",
    "Decided %(counter)s working day late": "Giải quyết trễ %(counter)s ngày làm việc",
    "Pages of the list": "Các trang của danh sách", "Previous page": "Trang trước", "Next page": "Trang sau",
    "Page %(number)s of %(total)s": "Trang %(number)s/%(total)s",
    "Organisation": "Tổ chức", "Account": "Tài khoản", "Enabled": "Đang hoạt động", "Disabled": "Đã khóa",
    "Edit in the administration": "Sửa trong trang quản trị",
    "Application of %(facility)s": "Hồ sơ của %(facility)s",
    "filed on %(day)s": "nộp ngày %(day)s", "Deadlines": "Thời hạn",
    "Check that the file is complete": "Kiểm tra tính đầy đủ của hồ sơ", "Decision": "Quyết định",
    "by %(day)s": "chậm nhất ngày %(day)s", "Decided on %(day)s.": "Đã giải quyết ngày %(day)s.",
    "The file": "Hồ sơ", "Facility": "Cơ sở", "X-ray units": "Thiết bị X-quang", "serial no.": "số sản xuất",
    "Radiation safety officer": "Người phụ trách an toàn bức xạ", "certificate": "chứng chỉ",
    "None named": "Chưa có", "Personal dosimetry": "Đo liều cá nhân", "contract": "hợp đồng",
    "None recorded": "Chưa ghi nhận", "Current licence": "Giấy phép hiện có",
    "valid until %(day)s": "có hiệu lực đến ngày %(day)s", "Changes requested": "Nội dung đề nghị thay đổi",
    "Prerequisite checks": "Kiểm tra điều kiện", "Met": "Đạt", "Not met": "Không đạt",
    "No check recorded.": "Chưa có kết quả kiểm tra.", "Documents of the file": "Thành phần hồ sơ",
    "Given": "Đã nộp", "if applicable": "nếu có",
    "Download the scan": "Tải bản quét", "Not given": "Chưa nộp",
    "Issue the licence": "Cấp giấy phép",
    "The checks run again before the licence is written; its term follows Decree 142/2020 Art. 37.":
        "Các điều kiện được kiểm tra lại trước khi lập giấy phép; thời hạn giấy phép theo Điều 37 Nghị định "
        "142/2020/NĐ-CP.",
    "Refuse the application": "Từ chối hồ sơ", "Licence issued": "Đã cấp giấy phép",
    "by %(name)s": "bởi %(name)s", "Number": "Số", "Open the licence (PDF)": "Mở giấy phép (PDF)",
    "the document is being prepared": "văn bản đang được lập", "Period of validity": "Thời hạn hiệu lực",
    "from %(start)s to %(end)s": "từ ngày %(start)s đến ngày %(end)s", "Conditions": "Điều kiện",
    "at filing, by its checks": "khi nộp, do không đạt điều kiện",
    "Applications for a radiation work licence (diagnostic X-ray). The checks ran when each was filed; the deadlines "
    "count working days, without weekends and public holidays.":
        "Hồ sơ đề nghị cấp giấy phép tiến hành công việc bức xạ (X-quang chẩn đoán y tế). Các điều kiện được kiểm tra "
        "khi nộp; thời hạn tính theo ngày làm việc, không kể ngày nghỉ cuối tuần và ngày lễ.",
    "%(counter)s application": "%(counter)s hồ sơ", "Kind": "Loại", "Filed on": "Ngày nộp",
    "Decision due": "Hạn giải quyết", "No application of this status.": "Không có hồ sơ nào ở trạng thái này.",
    "Particulars": "Thông tin", "Address": "Địa chỉ", "Province": "Tỉnh, thành phố",
    "Governing agency": "Cơ quan chủ quản",
    "Correct the particulars in the administration": "Sửa thông tin trong trang quản trị",
    "New account for this organisation": "Tạo tài khoản cho tổ chức này", "Create the account": "Tạo tài khoản",
    "%(counter)s user": "%(counter)s người dùng",
    "This organisation has no account yet.": "Tổ chức này chưa có tài khoản nào.",
    "Businesses, hospitals, verification bodies and the department. Open one to see its users and create an account "
    "for it; its particulars are corrected in the administration.":
        "Doanh nghiệp, bệnh viện, tổ chức kiểm định và Sở. Mở một tổ chức để xem người dùng và tạo tài khoản; thông "
        "tin của tổ chức được sửa trong trang quản trị.",
    "%(counter)s organisation matches “%(text)s”": "%(counter)s tổ chức khớp với “%(text)s”",
    "%(counter)s organisation": "%(counter)s tổ chức", "Name": "Tên", "Tax code": "Mã số thuế",
    "No organisation found. Check the spelling, or search by the start of the tax code.":
        "Không tìm thấy tổ chức. Hãy kiểm tra chính tả, hoặc tìm theo các chữ số đầu của mã số thuế.",
    "Organisations with instruments past their verification, X-ray units past theirs or a licence expired, as of "
    "today; the most overdue first.":
        "Các tổ chức có phương tiện đo hoặc thiết bị X-quang quá hạn kiểm định, hoặc giấy phép hết hạn, tính đến hôm "
        "nay; tổ chức quá hạn nhiều nhất ở đầu.",
    "Instruments overdue": "Phương tiện đo quá hạn", "X-ray units overdue": "Thiết bị X-quang quá hạn",
    "Licences expired": "Giấy phép hết hạn", "Overdue since": "Quá hạn từ ngày",
    "Nothing is overdue.": "Không có gì quá hạn.",
    "Every account. To create one, open its organisation; roles, passwords and access are changed in the "
    "administration.":
        "Mọi tài khoản. Để tạo tài khoản, hãy mở tổ chức của người dùng; vai trò, mật khẩu và quyền truy cập được "
        "sửa trong trang quản trị.",
    "%(counter)s user matches “%(text)s”": "%(counter)s người dùng khớp với “%(text)s”",
    "No user found.": "Không tìm thấy người dùng.",
    # web: business pages
    "Day/month/year, for example 31/12/2026.": "Ngày/tháng/năm, ví dụ 31/12/2026.",
    "Any": "Tất cả",
    "Yes": "Có",
    "No": "Không",
    "Filter this list": "Lọc danh sách này",
    "Filter": "Lọc",
    "%(counter)s row in all": "Tổng cộng %(counter)s dòng",
    "page %(number)s of %(pages)s": "trang %(number)s / %(pages)s",
    "Pages of the list: %(title)s": "Các trang của danh sách: %(title)s",
    "Export this list (with its filters):": "Xuất danh sách này (theo bộ lọc đang chọn):",
    "Compliance": "Tuân thủ",
    "Your instruments, licences, notices, documents, remedies and fines, as the register holds them today.":
        "Phương tiện đo, giấy phép, thông báo, văn bản, biện pháp khắc phục và tiền phạt của đơn vị, theo sổ đăng ký "
        "đến hôm nay.",
    "Your instruments, licences, notices, documents, remedies and fines, on one page.":
        "Phương tiện đo, giấy phép, thông báo, văn bản, biện pháp khắc phục và tiền phạt của đơn vị, trên một trang.",
    "On this page": "Trên trang này",
    "Instruments": "Phương tiện đo",
    "Instrument": "Phương tiện đo",
    "Radiation work": "Công việc bức xạ",
    "Notices": "Thông báo",
    "Documents": "Văn bản",
    "Document": "Văn bản",
    "Remedies": "Biện pháp khắc phục",
    "Remedy": "Biện pháp khắc phục",
    "Fines": "Tiền phạt",
    "No instrument matches these filters.": "Không có phương tiện đo nào khớp với bộ lọc.",
    "Due within %(days)s days": "Đến hạn trong %(days)s ngày",
    "Verification status": "Tình trạng kiểm định",
    "Serial number, model, manufacturer or place contains":
        "Số sản xuất, kiểu, cơ sở sản xuất hoặc nơi sử dụng có chứa",
    "Valid until, from": "Có giá trị đến, từ ngày",
    "Valid until, to": "Có giá trị đến, đến ngày",
    "Instrument type": "Loại phương tiện đo",
    "Place of use": "Nơi sử dụng",
    "Model": "Kiểu",
    "Manufacturer": "Cơ sở sản xuất",
    "Last verified on": "Kiểm định lần cuối",
    "Licence in force": "Giấy phép đang có hiệu lực",
    "No licence in force": "Chưa có giấy phép đang có hiệu lực",
    "Using diagnostic X-ray equipment needs a licence for radiation work (Decree 142/2020).":
        "Sử dụng thiết bị X-quang chẩn đoán y tế phải có giấy phép tiến hành công việc bức xạ (Nghị định "
        "142/2020/NĐ-CP).",
    "File the renewal by %(last)s, %(days)s days before the licence ends: %(left)s day left.":
        "Nộp hồ sơ gia hạn trước ngày %(last)s (chậm nhất %(days)s ngày trước khi giấy phép hết hạn): còn %(left)s "
        "ngày.",
    "The last day to file a renewal was %(last)s: apply for a new licence.":
        "Hạn cuối nộp hồ sơ gia hạn là ngày %(last)s và đã qua: đề nghị cấp giấy phép mới.",
    "What a renewal filed today would be checked against": "Các điều kiện hồ sơ gia hạn nộp hôm nay sẽ được kiểm tra",
    "What an application filed today would be checked against":
        "Các điều kiện hồ sơ đề nghị cấp phép nộp hôm nay sẽ được kiểm tra",
    "A radiation safety officer with a radiation worker certificate":
        "Người phụ trách an toàn bức xạ có chứng chỉ nhân viên bức xạ",
    "A personal dosimetry contract": "Hợp đồng đo liều cá nhân",
    "The licence to renew is in force": "Giấy phép đề nghị gia hạn còn hiệu lực",
    "The renewal is filed in time": "Hồ sơ gia hạn nộp đúng hạn",
    "Verification of the %(kind)s, serial number %(serial)s": "Kiểm định %(kind)s, số sản xuất %(serial)s",
    "Use": "Tình trạng sử dụng",
    "Serial number, model or manufacturer contains": "Số sản xuất, kiểu hoặc cơ sở sản xuất có chứa",
    "Verification valid until, to": "Kiểm định có giá trị đến, đến ngày",
    "Model and serial number": "Kiểu và số sản xuất",
    "Room": "Phòng",
    "Last verification": "Kiểm định lần cuối",
    "Passed": "Đạt",
    "No X-ray unit matches these filters.": "Không có thiết bị X-quang nào khớp với bộ lọc.",
    "Radiation workers": "Nhân viên bức xạ",
    "Job": "Công việc",
    "Radiation worker certificate": "Chứng chỉ nhân viên bức xạ",
    "Certificate issued on": "Ngày cấp chứng chỉ",
    "Safety officer": "Người phụ trách an toàn",
    "Safety officers": "Người phụ trách an toàn",
    "Others": "Người khác",
    "Working": "Đang làm việc",
    "Left": "Đã nghỉ",
    "Dose": "Liều chiếu xạ",
    "Dose over a limit": "Liều vượt giới hạn",
    "Over a limit": "Vượt giới hạn",
    "Within the limits": "Trong giới hạn",
    "No radiation worker matches these filters.": "Không có nhân viên bức xạ nào khớp với bộ lọc.",
    "Licences": "Giấy phép",
    "In force": "Còn hiệu lực",
    "Expiring": "Sắp hết hạn",
    "Valid from": "Có hiệu lực từ",
    "No licence matches these filters.": "Không có giấy phép nào khớp với bộ lọc.",
    "The department warns you before a verification or a licence runs out. Acknowledge a notice to tell the "
    "department you will act on it.":
        "Sở thông báo trước khi kiểm định hoặc giấy phép hết hạn. Xác nhận thông báo để Sở biết đơn vị sẽ thực hiện.",
    "About": "Nội dung",
    "Subject": "Đối tượng",
    "Serial or number": "Số sản xuất hoặc số hiệu",
    "Place": "Địa điểm",
    "Due on": "Ngày đến hạn",
    "Notified on": "Ngày thông báo",
    "Due, from": "Đến hạn, từ ngày",
    "Due, to": "Đến hạn, đến ngày",
    "Acknowledged": "Đã xác nhận",
    "To acknowledge": "Chưa xác nhận",
    "Acknowledge": "Xác nhận",
    "The notice is acknowledged.": "Đã xác nhận thông báo.",
    "No notice matches these filters.": "Không có thông báo nào khớp với bộ lọc.",
    "Kind of document": "Loại văn bản",
    "PDF": "Tệp PDF",
    "Download": "Tải về",
    "Being prepared": "Đang được tạo",
    "No document matches these filters.": "Không có văn bản nào khớp với bộ lọc.",
    "Decision of": "Quyết định ngày",
    "Deadline": "Thời hạn",
    "Past the deadline": "Quá hạn",
    "Not past the deadline": "Chưa quá hạn",
    "No remedy matches these filters.": "Không có biện pháp khắc phục nào khớp với bộ lọc.",
    "Balance to pay": "Số tiền còn phải nộp",
    "A balance remains": "Còn phải nộp",
    "Paid in full": "Đã nộp đủ",
    "Past the payment deadline": "Quá hạn nộp phạt",
    "Decision number": "Số quyết định",
    "Decided on": "Ngày ra quyết định",
    "Total fine": "Tổng tiền phạt",
    "Total fine (VND)": "Tổng tiền phạt (đồng)",
    "Paid (VND)": "Đã nộp (đồng)",
    "Balance": "Còn phải nộp",
    "Balance (VND)": "Còn phải nộp (đồng)",
    "Pay by": "Hạn nộp",
    "Payment": "Nộp phạt",
    "Paid": "Đã nộp đủ",
    "Partly paid": "Đã nộp một phần",
    "Unpaid": "Chưa nộp",
    "Late": "Quá hạn",
    "No fine matches these filters.": "Không có khoản tiền phạt nào khớp với bộ lọc.",
    "Instrument %(serial)s": "Phương tiện đo %(serial)s",
    "Accuracy class": "Cấp chính xác",
    "Measuring range": "Phạm vi đo",
    "Verifications": "Các lần kiểm định",
    "Performed on": "Ngày kiểm định",
    "Form": "Hình thức",
    "Result": "Kết quả",
    "Certificate": "Giấy chứng nhận",
    "This instrument has not been verified yet.": "Phương tiện đo này chưa được kiểm định.",
    # web: technician pages
    "Choose the type": "Chọn loại",
    "As printed on the instrument's plate.": "Như ghi trên nhãn của phương tiện đo.",
    "Country of manufacture": "Nước sản xuất",
    "Year made": "Năm sản xuất",
    "Owner's tax code": "Mã số thuế của cơ sở sử dụng",
    "The business or hospital that uses the instrument, by the tax code on its papers.":
        "Doanh nghiệp hoặc bệnh viện sử dụng phương tiện đo, theo mã số thuế trên giấy tờ của cơ sở.",
    "Where it is used": "Nơi sử dụng",
    "For example: Cửa hàng xăng dầu số 7, Bắc Hà.": "Ví dụ: Cửa hàng xăng dầu số 7, Bắc Hà.",
    "No business or hospital with this tax code is registered. Check the code on the owner's papers, or ask the "
    "department to register the owner.":
        "Không có doanh nghiệp hay bệnh viện nào mang mã số thuế này. Hãy kiểm tra mã trên giấy tờ của chủ sở hữu, "
        "hoặc đề nghị Sở đăng ký chủ sở hữu.",
    "Form of verification": "Hình thức kiểm định",
    "Stamp number": "Số tem kiểm định",
    "The serial and number of the verification stamp, if one is used.":
        "Số seri và số của tem kiểm định, nếu có dán tem.",
    "Procedure": "Quy trình kiểm định",
    "Environmental conditions": "Điều kiện môi trường",
    "For example: 27 °C, 70 % RH.": "Ví dụ: 27 °C, độ ẩm 70 %.",
    "Leave empty to record the type's procedure: %(procedure)s.":
        "Để trống để ghi quy trình của loại phương tiện đo này: %(procedure)s.",
    "Reference value": "Giá trị chuẩn",
    "Measured value": "Giá trị đo",
    "Unit": "Đơn vị",
    "Maximum permissible error (±)": "Sai số lớn nhất cho phép (±)",
    "Day": "Ngày",
    "A verification that did not pass has no certificate. The instrument's previous certificate, if any, is no longer "
    "valid.":
        "Lần kiểm định không đạt thì không có giấy chứng nhận. Giấy chứng nhận trước đó của phương tiện đo, nếu có, "
        "không còn hiệu lực.",
    "This verification has no certificate.": "Lần kiểm định này không có giấy chứng nhận.",
    "Being issued": "Đang cấp",
    "Certificate %(number)s is being prepared. This part of the page updates by itself.":
        "Giấy chứng nhận số %(number)s đang được lập. Phần này của trang tự cập nhật.",
    "Could not be issued": "Không cấp được",
    "Certificate %(number)s could not be prepared. The department can send it to be prepared again; it keeps its "
    "number.":
        "Không lập được giấy chứng nhận số %(number)s. Sở có thể cho lập lại; giấy chứng nhận giữ nguyên số.",
    "Open the certificate (PDF)": "Mở giấy chứng nhận (PDF)",
    "Print it from the browser's PDF viewer, on A4 paper.": "In từ trình xem PDF của trình duyệt, trên giấy khổ A4.",
    "Error %(error)s %(unit)s: within ±%(mpe)s %(unit)s.":
        "Sai số %(error)s %(unit)s: trong giới hạn ±%(mpe)s %(unit)s.",
    "Error %(error)s %(unit)s: outside ±%(mpe)s %(unit)s.": "Sai số %(error)s %(unit)s: vượt ±%(mpe)s %(unit)s.",
    "Reading %(number)s": "Kết quả đo thứ %(number)s",
    "The work of %(day)s": "Công việc ngày %(day)s",
    "Your body's verifications performed on the day, the last recorded first.":
        "Các lần kiểm định tổ chức của bạn thực hiện trong ngày, lần ghi sau cùng ở trên.",
    "Show the day": "Xem ngày này",
    "%(counter)s verification": "%(counter)s lần kiểm định",
    "Recorded at": "Giờ ghi",
    "Owner": "Cơ sở sử dụng",
    "Pages": "Các trang",
    "No verification was recorded for this day.": "Không có lần kiểm định nào được ghi trong ngày này.",
    "Find an instrument": "Tìm phương tiện đo",
    "Type the serial number on the instrument's plate to record its verification. You find the instruments your body "
    "registered or was assigned by their owners.":
        "Nhập số sản xuất ghi trên nhãn của phương tiện đo để ghi kết quả kiểm định. Bạn tìm được các phương tiện đo "
        "do tổ chức của bạn đăng ký hoặc được chủ sở hữu giao kiểm định.",
    "Find": "Tìm",
    "%(counter)s instrument bears this serial number": "%(counter)s phương tiện đo mang số sản xuất này",
    "Record a verification": "Ghi kết quả kiểm định",
    "None of the instruments your body registered or was assigned bears the serial number “%(text)s”. If it is in use "
    "but not on the register, register it now.":
        "Không có phương tiện đo nào do tổ chức của bạn đăng ký hoặc được giao mang số sản xuất “%(text)s”. Nếu phương "
        "tiện đo đang được sử dụng mà chưa có trong sổ đăng ký, hãy đăng ký ngay.",
    "Register this instrument": "Đăng ký phương tiện đo này",
    "An instrument in use that is not on the register? <a href=\"%(register_url)s\">Register it</a>.":
        "Phương tiện đo đang được sử dụng nhưng chưa có trong sổ đăng ký? <a href=\"%(register_url)s\">Đăng ký "
        "ngay</a>.",
    "until %(day)s": "đến ngày %(day)s",
    "Readings": "Kết quả đo",
    "One row per point of the procedure. Each row is checked against its maximum permissible error as you type; rows "
    "left empty are skipped.":
        "Mỗi dòng là một điểm đo của quy trình. Mỗi dòng được đối chiếu với sai số lớn nhất cho phép ngay khi nhập; "
        "dòng để trống được bỏ qua.",
    "Add a reading": "Thêm kết quả đo",
    "Record the verification": "Lưu kết quả kiểm định",
    "Register an instrument": "Đăng ký phương tiện đo",
    "An instrument in use that is not on the register yet. Once registered, you record its verification.":
        "Phương tiện đo đang được sử dụng nhưng chưa có trong sổ đăng ký. Đăng ký xong, bạn ghi kết quả kiểm định.",
    "Register and go on to the verification": "Đăng ký và ghi kết quả kiểm định",
    "Verification": "Kiểm định",
    "Recorded by": "Người ghi",
    "Error": "Sai số",
    "Find the next instrument": "Tìm phương tiện đo tiếp theo",
    "The work of the day": "Công việc trong ngày",
    "By its serial number, to record its verification; or register it on the spot.":
        "Theo số sản xuất, để ghi kết quả kiểm định; hoặc đăng ký ngay tại chỗ.",
    "The work of a day": "Công việc theo ngày",
    "Your body's verifications of a day, with their certificates.":
        "Các lần kiểm định trong một ngày của tổ chức bạn, kèm giấy chứng nhận.",
    "The instrument is registered. Record its verification.": "Đã đăng ký phương tiện đo. Hãy ghi kết quả kiểm định.",
    # web: inspector pages
    "Your cases": "Cuộc kiểm tra của bạn",
    "The cases of your teams: the checklist of each subject, findings with photos, violations.":
        "Các cuộc kiểm tra của đoàn bạn: danh mục kiểm tra từng đối tượng, kết quả kèm ảnh, vi phạm.",
    "The checks and inspections whose team you are on, newest first.":
        "Các cuộc kiểm tra, thanh tra mà bạn là thành viên đoàn, mới nhất trước.",
    "You are on no case's team yet: an officer names the team of each case.":
        "Bạn chưa là thành viên đoàn kiểm tra nào: cán bộ của Sở phân công đoàn cho từng cuộc kiểm tra.",
    "You are here": "Vị trí hiện tại",
    "Topic": "Lĩnh vực", "Inspecting body": "Cơ quan kiểm tra",
    "No. %(number)s of %(day)s": "Số %(number)s ngày %(day)s",
    "Team": "Đoàn kiểm tra", "leader": "trưởng đoàn", "Team leader": "Trưởng đoàn",
    "Page %(number)s of %(count)s": "Trang %(number)s/%(count)s",
    "The decision has not been issued yet: findings are recorded once the case is open.":
        "Quyết định kiểm tra chưa được ban hành: chỉ ghi nhận kết quả khi cuộc kiểm tra đang tiến hành.",
    "Organizations checked": "Đối tượng được kiểm tra",
    "%(counter)s device examined": "Đã kiểm tra %(counter)s thiết bị",
    "Open the checklist": "Mở danh mục kiểm tra",
    "No organization has been named in this case yet.": "Cuộc kiểm tra chưa có đối tượng nào.",
    "Violations": "Vi phạm",
    "No violation has been filed in this case.": "Chưa lập vi phạm nào trong cuộc kiểm tra này.",
    "File a violation": "Lập vi phạm", "File the violation": "Ghi nhận vi phạm",
    "The violation is recorded under the version of its type in force on the day of the act; the violation record "
    "is drawn up from the violations filed.":
        "Vi phạm được ghi nhận theo quy định về hành vi có hiệu lực vào ngày vi phạm; biên bản vi phạm hành chính "
        "được lập từ các vi phạm đã ghi nhận.",
    "The violation is filed.": "Đã ghi nhận vi phạm.",
    "Violator": "Đối tượng vi phạm", "Date of the act": "Ngày vi phạm", "Violation type": "Hành vi vi phạm",
    "The violation types offered are those in force on this day.":
        "Danh sách hành vi vi phạm là các hành vi theo quy định có hiệu lực vào ngày này.",
    "Choose the violation type": "Chọn hành vi vi phạm",
    "Art. %(reference)s, Decree %(decree)s: %(text)s": "Điều %(reference)s NĐ %(decree)s: %(text)s",
    "Instruments concerned": "Phương tiện đo liên quan",
    "Registered instruments of the violator examined in this case.":
        "Phương tiện đo đã đăng ký của đối tượng vi phạm, đã được kiểm tra trong cuộc kiểm tra này.",
    "No registered instrument has been examined in this case yet.":
        "Chưa kiểm tra phương tiện đo đã đăng ký nào trong cuộc kiểm tra này.",
    "Facts": "Nội dung vi phạm",
    "What was found, as the violation record will state it.": "Những gì phát hiện, như biên bản vi phạm sẽ ghi.",
    "Place of the act": "Nơi xảy ra vi phạm",
    "Circumstances": "Tình tiết tăng nặng, giảm nhẹ",
    "Aggravating or mitigating circumstances of the Law (Art. 9 and 10), if any.":
        "Tình tiết tăng nặng, giảm nhẹ theo Luật (Điều 9 và Điều 10), nếu có.",
    "Type": "Loại", "Device": "Thiết bị",
    "Description": "Mô tả", "Examined on": "Ngày kiểm tra",
    "Verification valid until": "Kiểm định có giá trị đến",
    "On the register": "Có trong sổ đăng ký", "No: recorded as found": "Không: ghi nhận theo thực tế",
    "not on the register": "không có trong sổ đăng ký",
    "Devices examined": "Thiết bị đã kiểm tra", "No device examined here yet.": "Chưa kiểm tra thiết bị nào tại đây.",
    "Add a device examined, by its serial number": "Thêm thiết bị được kiểm tra theo số sản xuất",
    "Add a device examined": "Thêm thiết bị được kiểm tra", "Add the device": "Thêm thiết bị",
    "Found on the register by its serial number; a device the register does not know is recorded as found, with a "
    "description.":
        "Tìm trong sổ đăng ký theo số sản xuất; thiết bị không có trong sổ được ghi nhận theo thực tế, kèm mô tả.",
    "As printed on the plate; case and spaces do not matter.":
        "Như ghi trên nhãn; không phân biệt chữ hoa, chữ thường và dấu cách.",
    "Enter the serial number printed on the device.": "Hãy nhập số sản xuất ghi trên thiết bị.",
    "Description, if not on the register": "Mô tả, nếu không có trong sổ đăng ký",
    "Only for a device the register does not know: what it is, its maker and model.":
        "Chỉ cho thiết bị không có trong sổ: thiết bị gì, hãng sản xuất và kiểu.",
    "Found on the register and added.": "Đã tìm thấy trong sổ đăng ký và thêm vào.",
    "Not on the register: added as found.": "Không có trong sổ đăng ký: đã thêm theo thực tế.",
    "Checklist of this device": "Danh mục kiểm tra thiết bị này",
    "Checklist of the establishment": "Danh mục kiểm tra của cơ sở",
    "Pre-filled from the verification register": "Điền sẵn từ sổ kiểm định",
    "From the register at %(day)s: check it, then save your own finding.":
        "Lấy từ sổ kiểm định lúc %(day)s: hãy kiểm tra lại rồi lưu kết quả của bạn.",
    "Recorded by %(name)s at %(day)s": "%(name)s ghi nhận lúc %(day)s",
    "Not checked yet.": "Chưa kiểm tra.",
    "Note": "Ghi chú", "Photo": "Ảnh", "Save": "Lưu",
    "Saved.": "Đã lưu.",
    "What was seen, measured or said; it goes into the check record.":
        "Những gì thấy, đo được hoặc được trình bày; sẽ được đưa vào biên bản kiểm tra.",
    "Take it with the phone's camera, or choose a JPEG or PNG image of at most 20 MB.":
        "Chụp bằng camera của điện thoại, hoặc chọn ảnh JPEG, PNG không quá 20 MB.",
    # The audit chain (issue 11, point 5): the officers' page of each day's published head.
    "Created": "Tạo mới", "Changed": "Thay đổi", "Deleted": "Xoá", "audit entry": "mục nhật ký kiểm toán",
    "audit entries": "các mục nhật ký kiểm toán",
    "Audit chain": "Chuỗi nhật ký kiểm toán",
    "Each day's last hash of the record of every write, to copy elsewhere.":
        "Mã băm cuối mỗi ngày của nhật ký mọi thao tác ghi, để sao lưu ra nơi khác.",
    "Every write to the register is appended to a chained record: each entry carries the hash of the one before "
    "it, so that changing, removing or moving an entry breaks the chain from there on (manage.py verify_audit "
    "names the first such entry).":
        "Mọi thao tác ghi vào sổ đăng ký đều được nối thêm vào một nhật ký dạng chuỗi: mỗi mục mang mã băm của mục "
        "liền trước, nên sửa, xoá hay đổi chỗ một mục sẽ làm đứt chuỗi từ mục đó trở đi (lệnh manage.py "
        "verify_audit chỉ ra mục đầu tiên như vậy).",
    "Below is the last entry of each day and its hash. Anyone may copy them elsewhere (a letter, another system, "
    "a printout): a rewrite of the whole chain, every hash recomputed, would then no longer match the copies.":
        "Dưới đây là mục cuối cùng của mỗi ngày và mã băm của nó. Bất kỳ ai cũng có thể sao chép chúng ra nơi khác "
        "(công văn, hệ thống khác, bản in): khi đó, việc viết lại toàn bộ chuỗi, kể cả tính lại mọi mã băm, sẽ "
        "không còn khớp với các bản sao.",
    "Now": "Hiện tại",
    "Entry no. %(sequence)s, written at %(moment)s:": "Mục số %(sequence)s, ghi lúc %(moment)s:",
    "Each day's last hash": "Mã băm cuối của từng ngày",
    "Last entry": "Mục cuối", "Hash (SHA-256)": "Mã băm (SHA-256)",
    "No day has been published yet: the first head is recorded by the morning run.":
        "Chưa có ngày nào được công bố: mã băm đầu tiên được ghi ở lần chạy buổi sáng.",
}


def main() -> None:
    import polib

    path = Path(__file__).parent / "vi" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    missing = []
    for entry in po:
        if entry.msgid in VI and entry.msgid_plural:  # Vietnamese has one plural form (nplurals=1)
            entry.msgstr_plural = {0: VI[entry.msgid]}
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif entry.msgid in VI:
            entry.msgstr = VI[entry.msgid]
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        elif not (entry.msgstr or any(entry.msgstr_plural.values())):
            missing.append(entry.msgid)
    po.metadata["Language"] = "vi"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    for msgid in missing:
        print("untranslated:", msgid)


if __name__ == "__main__":
    main()
