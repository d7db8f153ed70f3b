## Ngõ Số: mọi chữ người dùng thấy, tiếng Việt (mặc định).

## Lõi hội thoại
conversation-expired = Cuộc trò chuyện trước đã bị bỏ dở quá lâu nên mình bắt đầu lại từ đầu nhé.
only-text = Ở bước này mình chỉ đọc được tin nhắn chữ. Bạn vui lòng bấm nút hoặc gõ câu trả lời.
too-long = Tin nhắn dài quá (tối đa { $max } ký tự). Bạn gõ ngắn gọn hơn giúp mình nhé.
stale-button = Nút đó thuộc câu hỏi cũ rồi. Đây là câu hỏi hiện tại:
empty-message = Mình chưa nhận được nội dung nào.
not-understood = Mình chưa hiểu ý bạn. Bạn bấm một nút, hoặc gõ số thứ tự của lựa chọn nhé.
step-thanks = Dạ, không có gì ạ 😊 Bạn bấm một nút bên dưới để làm tiếp nhé.
step-go-on = Dạ 😊 Bạn bấm một nút bên dưới để làm tiếp nhé.
step-never-mind = Dạ. Nếu không cần nữa, bạn gõ "huỷ" để dừng việc này; còn không thì bấm một nút bên dưới để làm tiếp.
cancelled = Đã huỷ việc đang làm. Những gì đã lưu trước đó vẫn giữ nguyên.
nothing-to-cancel = Không có việc gì đang dở để huỷ.
not-allowed = Chức năng này không dành cho vai trò của bạn.
not-allowed-for = Chức năng này không dành cho vai trò của bạn: chỉ dành cho { $who }.
who-anyone = mọi người
who-resident = người chưa tham gia tổ
who-member = thành viên tổ công nghệ số
who-team = thành viên tổ và tổ trưởng
who-leader = tổ trưởng
who-manager = tổ trưởng và cán bộ phường
who-staff = cán bộ phường
who-admin = quản trị thành phố
who-inviter = tổ trưởng và cán bộ phường
not-allowed-join-first = Việc này dành cho thành viên tổ công nghệ số. Nếu tổ trưởng hoặc cán bộ phường đã gửi bạn mã mời, bạn gõ mã đó để tham gia.
unknown-command = Mình không biết lệnh này. Gõ /trogiup để xem các lệnh.
error-generic = Xin lỗi, đã có lỗi xảy ra và không có gì bị lưu dở. Bạn thử lại từ đầu nhé (gõ /start).

## Màn hình chính
welcome =
    Xin chào! Mình là Ngõ Số, trợ lý của Tổ công nghệ số cộng đồng.
    Bạn có thể hỏi mình cách dùng VNeID, dịch vụ công trực tuyến, thanh toán không tiền mặt, cách tránh lừa đảo, hoặc nhờ tổ đến nhà hỗ trợ. Thành viên tổ có mã mời thì gõ mã đó để tham gia.
menu-title = Bạn muốn làm gì?
menu-title-member = Chào { $name }! Bạn muốn làm gì?
menu-join = Tham gia tổ bằng mã mời
menu-log = Ghi buổi hỗ trợ
menu-last = Sửa / huỷ buổi vừa ghi
menu-stats = Xem số liệu
menu-invite-volunteer = Mời thành viên vào tổ
menu-invite-leader = Mời tổ trưởng
menu-language = Ngôn ngữ / Language
menu-my-data = Dữ liệu của tôi
menu-help = Trợ giúp
help-text =
    Các lệnh dùng được ở mọi lúc:
    /start: về màn hình chính
    /huy: huỷ việc đang làm
    Bạn có thể bấm nút, gõ số thứ tự, hoặc gõ chữ (có dấu hay không dấu đều được).

## Tham gia tổ
join-already-member = Bạn đã là thành viên rồi.
join-ask-code = Bạn gõ mã mời mà tổ trưởng hoặc cán bộ phường đã gửi (8 ký tự, ví dụ ABCD-EFGH).
btn-back = Quay lại
join-too-many = Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau { $minutes } phút.
join-code-malformed = Đây không phải mã mời: mã gồm 8 chữ và số, ví dụ ABCD-EFGH. Bạn kiểm tra và gõ lại, hoặc gõ huỷ để quay lại menu.
join-code-not-found = Mã mời này không đúng. Bạn kiểm tra lại từng ký tự và gõ lại nhé.
join-code-expired = Mã mời này đã hết hạn. Bạn xin người mời một mã mới nhé.
join-code-used-up = Mã mời này đã được dùng hết số lượt. Bạn xin người mời một mã mới nhé.
join-code-revoked = Mã mời này đã bị thu hồi. Bạn xin người mời một mã mới nhé.
consent-text =
    Trước khi tham gia, bạn đọc giúp mình:
    • Bạn sẽ tham gia với vai trò { $role }: { $where }.
    • Mình lưu: tên hiển thị của bạn, tài khoản kênh chat bạn đang dùng, vai trò, tổ và ngôn ngữ, cùng các buổi hỗ trợ bạn ghi (chỉ số lượng và loại việc, không có tên hay giấy tờ của người dân).
    • Để làm gì: để tổ và phường tổng hợp kết quả hỗ trợ người dân.
    • Ai xem được: bạn, tổ trưởng của tổ bạn và cán bộ phường của bạn. Phường khác không xem được.
    • Xoá: bất cứ lúc nào gõ /xoadulieu; các buổi đã ghi chỉ còn lại dưới dạng con số không tên.
    Bạn có đồng ý không?
consent-text-staff =
    Trước khi tham gia, bạn đọc giúp mình:
    • Bạn sẽ tham gia với vai trò { $role }: { $where }.
    • Mình lưu: tên hiển thị của bạn, tài khoản kênh chat bạn đang dùng, vai trò, phường và ngôn ngữ.
    • Để làm gì: để bạn xem số liệu của phường và mời tổ trưởng.
    • Ai xem được: bạn và cán bộ khác của phường bạn. Phường khác không xem được.
    • Xoá: bất cứ lúc nào gõ /xoadulieu.
    Bạn có đồng ý không?
consent-agree = Đồng ý
consent-decline = Không đồng ý
consent-declined = Bạn đã không đồng ý nên mình không lưu gì về bạn. Khi nào cần, bạn gõ lại mã mời nhé.
join-ask-name = Bạn muốn mọi người gọi bạn là gì? (Ví dụ: Chị Lan, Anh Tuấn)
join-name-length = Tên cần từ { $min } đến { $max } ký tự. Bạn gõ lại nhé.
join-name-no-numbers = Tên không nên chứa số điện thoại hay số giấy tờ. Bạn gõ lại nhé.
join-ask-group = Bạn thuộc tổ dân phố / thôn nào?
join-welcome = Chào mừng bạn! Bạn đã tham gia với vai trò { $role }: { $where }.
notify-new-member = { $name } vừa tham gia tổ công nghệ số của { $group }.
role-volunteer = thành viên tổ
role-leader = tổ trưởng
role-admin = quản trị thành phố
role-staff = cán bộ phường

## Ngôn ngữ
language-ask = Bạn muốn dùng ngôn ngữ nào? / Which language?
language-set = Đã chuyển sang tiếng Việt.
language-name-vi = Tiếng Việt
language-name-en = Tiếng Anh

## Dữ liệu cá nhân
my-data =
    Những gì mình đang lưu về bạn:
    • Tên hiển thị: { $name }
    • Vai trò: { $role }
    • Nơi: { $where }
    • Ngôn ngữ: { $language }
    • Kênh: { $channel }
    • Ngày bạn đồng ý: { $consent }
    • Số buổi hỗ trợ bạn đã ghi: { $sessions }
    Gõ /xoadulieu để xoá.
my-data-sessions = { $shown } buổi gần nhất bạn đã ghi:
my-data-session-line = • { $date }: { $topics }, { $count } người
my-data-none = Bạn chưa tham gia tổ nên mình không lưu thông tin cá nhân nào của bạn, ngoài trạng thái cuộc trò chuyện này.
forget-nothing = Mình không lưu thông tin cá nhân nào của bạn.
forget-confirm =
    Xoá dữ liệu của bạn?
    Tên, tài khoản chat và vai trò của bạn sẽ bị xoá và bạn không còn là thành viên. Các buổi hỗ trợ đã ghi chỉ còn lại dưới dạng con số không tên (ghi chú cũng bị xoá), để tổng số của phường không thay đổi.
forget-yes = Có, xoá hết
forget-no = Không
forget-done = Đã xoá dữ liệu của bạn. { $sessions } buổi hỗ trợ được giữ lại dưới dạng con số không tên. Cảm ơn bạn đã đồng hành!
forget-kept = Không xoá gì cả.

## Ghi buổi hỗ trợ
log-ask-topic = Bạn đã hỗ trợ việc gì? (Nhiều việc: gõ các số, ví dụ 1 4)
log-ask-priority = Người được hỗ trợ thuộc nhóm nào? (Nhiều nhóm: gõ các số, ví dụ 1 2)
log-ask-outcome = Kết quả thế nào?
log-ask-due = Khi nào bạn quay lại hỗ trợ tiếp? (Hoặc gõ ngày, ví dụ { $example }; hoặc số ngày nữa, ví dụ 5)
due-tomorrow = Ngày mai
due-3-days = 3 ngày nữa
due-week = 1 tuần nữa
log-due-invalid = Bạn nhập { $understood }. Ngày hẹn cần sau hôm nay và không quá { $days } ngày (muộn nhất { $latest }). Bạn chọn lại nhé (ví dụ { $example }).
log-date-unreadable = Mình không đọc được ngày này. Bạn gõ ngày/tháng (ví dụ { $example }), hoặc "hôm nay", "hôm qua", "hôm kia", "thứ hai"…, "chủ nhật".
log-fields =
    • Việc: { $topics }
    • Số người: { $count }
    • Nhóm: { $priority }
    • Nơi: { $place }
    • Kết quả: { $outcome }
    • Ngày: { $day }
    • Ghi chú: { $note }
log-summary = Kiểm tra lại trước khi lưu:
log-saved = ✅ Đã lưu buổi hỗ trợ:
log-updated = ✅ Đã cập nhật buổi hỗ trợ:
log-last-summary = Buổi bạn vừa ghi:
log-outcome-due = { $outcome } (hẹn { $date })
btn-save = ✅ Lưu
btn-edit-count = Sửa số người
btn-edit-place = Sửa nơi hỗ trợ
btn-edit-day = Sửa ngày
btn-edit-note = Thêm / sửa ghi chú
btn-edit-topic = Sửa việc
btn-edit-priority = Sửa nhóm
btn-edit-outcome = Sửa kết quả
btn-discard = Bỏ, không lưu
btn-discard-changes = Bỏ các thay đổi
log-changes-discarded = Đã bỏ các thay đổi; buổi đã lưu vẫn giữ nguyên.
log-discarded = Đã bỏ, không lưu gì.
log-what-next = Bạn có thể sửa hoặc huỷ buổi này trong { $minutes } phút.
btn-log-another = Ghi buổi khác
btn-edit-saved = Sửa buổi này
btn-undo = Huỷ buổi này
btn-menu = Về màn hình chính
log-nothing-recent = Không có buổi nào ghi trong { $minutes } phút vừa qua để sửa hay huỷ.
log-edit-too-late = Đã quá { $minutes } phút nên buổi này không sửa hay huỷ được nữa. Nếu có sai sót, bạn báo tổ trưởng nhé.
log-undo-confirm = Huỷ (xoá) buổi hỗ trợ vừa ghi?
btn-undo-yes = Có, huỷ buổi này
btn-undo-no = Không, giữ lại
log-undo-kept = Buổi hỗ trợ vẫn được giữ nguyên.
log-undone = Đã huỷ buổi hỗ trợ vừa ghi.
log-ask-count = Bạn đã hỗ trợ bao nhiêu người? Bấm nút hoặc gõ một số từ 1 đến { $max }.
log-count-invalid = Số người cần là một số từ 1 đến { $max }. Bạn gõ lại nhé.
log-ask-place = Bạn hỗ trợ ở đâu?
log-ask-day = Buổi hỗ trợ vào ngày nào? (Tối đa { $days } ngày trước; hoặc gõ ngày, ví dụ { $example })
log-day-invalid = Bạn nhập { $understood }. Ngày của buổi hỗ trợ cần từ { $earliest } đến hôm nay, { $today }. Bạn chọn lại nhé.
date-needs-one-day = "{ $understood }" là cả một khoảng thời gian; ở đây cần một ngày. Bạn chọn một ngày, hoặc gõ ví dụ { $example }.
log-ask-note = Gõ một ghi chú ngắn (tối đa { $max } ký tự). Đừng ghi tên, số điện thoại hay số giấy tờ của người dân.
btn-no-note = Không ghi chú
log-note-too-long = Ghi chú dài { $length } ký tự, quá { $max } ký tự. Bạn gõ ngắn hơn nhé.
log-note-has-id = Ghi chú có vẻ chứa số căn cước / CMND. Để bảo vệ người dân, mình không lưu số giấy tờ. Bạn gõ lại ghi chú không có số đó nhé.
log-note-has-phone = Ghi chú có vẻ chứa số điện thoại hoặc số tài khoản. Để bảo vệ người dân, mình không lưu các số này trong ghi chú. Bạn gõ lại nhé.

topic-vneid = Cài đặt / kích hoạt VNeID
topic-vneid_level2 = VNeID mức 2
topic-vneid_wallet = Ví giấy tờ VNeID
topic-public_services = Dịch vụ công trực tuyến
topic-cashless = Thanh toán không dùng tiền mặt
topic-online_safety = An toàn mạng / chống lừa đảo
topic-digital_skills = Kỹ năng số (Bình dân học vụ số)
topic-other = Việc khác
priority-elderly = Người cao tuổi
priority-household_business = Hộ kinh doanh
priority-disability = Người khuyết tật
priority-policy = Đối tượng chính sách
priority-none = Không thuộc nhóm ưu tiên
place-home = Tại nhà dân
place-community_house = Nhà văn hoá
place-ward_office = Trụ sở phường
place-remote = Từ xa (điện thoại, Zalo)
outcome-resolved = Đã xong
outcome-follow_up = Cần hỗ trợ tiếp
outcome-referred = Chuyển lên phường

day-today = Hôm nay ({ $date })
day-yesterday = Hôm qua ({ $date })
day-weekday = { $weekday } { $date }
period-week = tuần { $start } – { $end }
period-month = tháng { $month }/{ $year }
weekday-1 = Thứ Hai
weekday-2 = Thứ Ba
weekday-3 = Thứ Tư
weekday-4 = Thứ Năm
weekday-5 = Thứ Sáu
weekday-6 = Thứ Bảy
weekday-7 = Chủ Nhật

## Số liệu
stats-ask = Bạn muốn xem số liệu nào?
stats-own-this-week = Tuần này của tôi
stats-own-last-week = Tuần trước của tôi
stats-team-this-week = Tuần này của tổ
stats-team-last-week = Tuần trước của tổ
stats-ward-this-week = Tuần này của phường
stats-ward-last-week = Tuần trước của phường
stats-title-own = Số liệu của bạn
stats-title-team = Số liệu của tổ
stats-title-ward = Số liệu toàn phường
stats-header = 📊 { $title }, tuần { $start } – { $end }
stats-totals = Số buổi hỗ trợ: { $sessions } · Số người dân được hỗ trợ: { $residents }
stats-by-topic = Theo việc (số buổi):
stats-by-priority = Theo nhóm ưu tiên (số buổi có người thuộc nhóm):
stats-by-member = Theo thành viên (chỉ tổ trưởng xem):
stats-by-group = Theo tổ dân phố / thôn:
stats-group-line = • { $name }: { $sessions } buổi, { $residents } người
stats-active-groups = Số tổ có hoạt động: { $active }/{ $total }
stats-nothing-yet = Không có buổi hỗ trợ nào trong tuần này.

## Mời
invite-ask-group = Mời tổ trưởng cho tổ dân phố / thôn nào?
invite-made =
    Mã mời { $role } cho { $group }: { $code }
    Mã dùng được 1 lần, trong { $days } ngày. Người được mời gõ mã này khi nhắn cho Ngõ Số.

## Trang chat trên web
web-title = Ngõ Số: trợ lý Tổ công nghệ số cộng đồng
web-placeholder = Gõ tin nhắn…
web-send = Gửi
web-offline = Mất kết nối, đang thử lại…
web-intro = Trò chuyện với Ngõ Số ngay trên trình duyệt.

## The ward's session form: counters asked after a topic
counter-vneid_activated = Số tài khoản VNeID đã kích hoạt
counter-dossiers_online = Số hồ sơ dịch vụ công đã nộp trực tuyến
counter-payment_accounts = Số tài khoản thanh toán đã mở
log-ask-counter = { $name }? Bấm 0, 1, 2, 3 hoặc gõ số.
log-counter-now = (hiện là { $value })
log-ask-counter-number = { $name }: gõ một số từ 0 đến { $max }.
log-counter-invalid = Cần một số từ 0 đến { $max }, ví dụ 2.
log-count-line = { $name }: { $value }
btn-other-number = Số khác
btn-edit-counts = Sửa số liệu
btn-pick-several = ☑️ Chọn nhiều
btn-pick-done = ✔️ Xong (đã chọn { $n })
pick-hint = Bấm để chọn hoặc bỏ chọn từng mục, rồi bấm Xong.
pick-none = Bạn chưa chọn mục nào: bấm vào ít nhất một mục, rồi bấm Xong.

## The ward's session form, shaped by ward staff
form-menu = Phiếu ghi của phường
form-now = Phiếu ghi buổi hỗ trợ của phường (phiên bản { $version }):
form-part-topic = Việc hỗ trợ
form-part-priority = Nhóm ưu tiên
form-part-counter = Số liệu đếm
form-counter-after = • "{ $name }" được hỏi sau việc "{ $topic }"
form-counter-after-hidden = • "{ $name }" được hỏi sau việc "{ $topic }", nhưng việc đó đang ẩn: số liệu này hiện không được hỏi.
form-ask-kind = Bạn muốn sửa phần nào? Mục đã ẩn vẫn giữ số liệu cũ và vẫn hiện trong báo cáo các kỳ đã dùng.
form-ask-item = { $part }: chọn một mục để đổi tên, ẩn hoặc hiện lại, hoặc thêm mục mới.
form-item-hidden = { $name } (đang ẩn)
form-add-topic = ➕ Thêm việc hỗ trợ
form-add-priority = ➕ Thêm nhóm ưu tiên
form-add-counter = ➕ Thêm số liệu đếm
form-item-info = "{ $name }": { $state }. Bạn muốn làm gì?
form-state-shown = đang hiện trên phiếu ghi
form-state-hidden = đang ẩn (số liệu cũ vẫn giữ)
form-rename = Đổi tên
form-hide = Ẩn khỏi phiếu ghi
form-show = Hiện lại trên phiếu ghi
form-ask-rename = Gõ tên mới cho "{ $name }" (tối đa { $max } ký tự). Số liệu cũ giữ nguyên.
form-ask-new-topic = Gõ tên việc hỗ trợ mới (tối đa { $max } ký tự), ví dụ: Hướng dẫn nộp thuế điện tử
form-ask-new-priority = Gõ tên nhóm ưu tiên mới (tối đa { $max } ký tự), ví dụ: Học sinh, sinh viên
form-ask-new-counter = Gõ tên số liệu cần đếm (tối đa { $max } ký tự), ví dụ: Số người được cài ứng dụng ngân hàng
form-ask-counter-topic = "{ $name }" được hỏi sau việc hỗ trợ nào?
form-renamed = Đã đổi "{ $before }" thành "{ $name }". Phiếu ghi phiên bản { $version }.
form-hidden-done = Đã ẩn "{ $name }" khỏi phiếu ghi; số liệu cũ vẫn giữ. Phiếu ghi phiên bản { $version }.
form-shown-done = "{ $name }" đã hiện lại trên phiếu ghi. Phiếu ghi phiên bản { $version }.
form-added = Đã thêm "{ $name }" vào phiếu ghi. Phiếu ghi phiên bản { $version }.
form-counter-added = Đã thêm "{ $name }": tình nguyện viên sẽ được hỏi số này khi chọn "{ $topic }". Phiếu ghi phiên bản { $version }.
form-label-empty = Tên cần ít nhất 2 ký tự. Bạn gõ lại nhé.
form-label-too-long = Tên dài { $length } ký tự; tối đa { $max } ký tự. Bạn gõ ngắn hơn nhé.
form-label-bad = Tên mục không được chứa số điện thoại, số giấy tờ hay bắt đầu bằng "/". Bạn gõ lại nhé.
form-label-taken = Đã có một mục tên "{ $name }". Bạn chọn tên khác nhé.
form-too-many = Phiếu ghi đã có { $max } mục đang hiện ở phần này, nhiều hơn thì không vừa màn hình điện thoại. Bạn ẩn bớt một mục trước nhé.
form-last-topic = Phiếu ghi cần ít nhất một việc hỗ trợ đang hiện.
form-counter-needs-topic = Cần chọn một việc hỗ trợ đang hiện.
form-part-targets = 🎯 Mục tiêu năm
form-target-active-groups = Tỷ lệ tổ có hoạt động
form-target-none = { $name }: chưa đặt
form-target-yearly = { $name }: { $value }/năm
form-target-percent = { $name }: { $value }%
form-ask-target = Mục tiêu năm của phường theo từng chỉ tiêu; báo cáo sẽ cho biết đã đạt bao nhiêu từ đầu năm. Chọn một chỉ tiêu để đặt hoặc sửa:
form-ask-target-value = Mục tiêu năm cho "{ $name }": gõ một số (ví dụ 500), hoặc 0 để bỏ mục tiêu.
form-ask-target-percent = Mục tiêu "{ $name }": gõ một tỷ lệ phần trăm từ 1 đến 100 (kế hoạch yêu cầu 100), hoặc 0 để bỏ.
form-target-invalid = Cần một số nguyên (không có phần lẻ), ví dụ 500; 0 để bỏ mục tiêu.
form-target-invalid-percent = Cần một số nguyên từ 0 đến 100, ví dụ 80; 0 để bỏ mục tiêu.
form-label-same = Tên vẫn là "{ $name }": không có gì thay đổi.
form-target-saved = Đã lưu mục tiêu: { $target }.
form-target-cleared = Đã bỏ mục tiêu của "{ $name }".
result-next = Làm việc khác thì bấm Menu.

## Trang quản lý trên web
web-menu = Mở trang quản lý
web-link = Mở trang quản lý của phường: { $link }
    Liên kết chỉ dùng được một lần, trong { $minutes } phút; đừng chuyển cho người khác.
web-too-many = Bạn đã xin { $n } liên kết trong một giờ qua. Để an toàn, bạn dùng liên kết mới nhất, hoặc chờ một lúc rồi xin lại.
web-after = Muốn đăng xuất mọi trình duyệt đang mở trang quản lý, bấm "Đăng xuất".
web-sign-out = Đăng xuất trang quản lý
web-signed-out = Đã đăng xuất { $n } trình duyệt.
dash-title = Trang quản lý · { $ward }
dash-signed-in = Đăng nhập: { $name } ({ $role })
dash-expired-title = Liên kết không dùng được
dash-expired = Liên kết này đã dùng rồi, đã hết hạn, hoặc bạn đã đăng xuất. Gõ /trangquanly trong chat để nhận liên kết mới.
dash-period = Kỳ
dash-period-week = Tuần này
dash-period-month = Tháng này
dash-period-quarter = Quý này
dash-period-year = Năm nay
dash-indicator = Chỉ tiêu
dash-this = Kỳ này
dash-before = Kỳ trước
dash-active = Tổ có hoạt động
dash-idle = Tổ chưa có hoạt động
dash-none-idle = Tổ nào cũng có hoạt động.
dash-nav = Các trang
dash-nav-overview = Tổng quan
dash-nav-groups = Tổ dân phố
dash-nav-people = Thành viên
dash-nav-invites = Lời mời
dash-nav-files = Tải báo cáo
dash-not-allowed-title = Không dành cho vai trò của bạn
dash-not-allowed = Trang này dành cho { $who }.
dash-not-found-title = Không tìm thấy
dash-not-found = Không có mục này, hoặc mục này không thuộc phường (tổ) của bạn.
dash-forged-title = Biểu mẫu không hợp lệ
dash-forged = Biểu mẫu này không gửi từ trang quản lý của bạn nên chưa làm gì cả. Bạn mở lại trang và thử lại.
dash-bad-form-title = Biểu mẫu không đọc được
dash-bad-form = Không đọc được nội dung gửi lên; chưa có gì thay đổi. Bạn mở lại trang và thử lại.
dash-ok-group-added = Đã thêm tổ.
dash-ok-group-renamed = Đã đổi tên tổ.
dash-ok-group-archived = Đã lưu trữ tổ: tổ không còn trong danh sách chọn, số liệu cũ vẫn giữ.
dash-ok-group-restored = Đã đưa tổ trở lại danh sách.
dash-ok-role-changed = Đã đổi vai trò.
dash-ok-deactivated = Đã ngừng kích hoạt thành viên: người này không dùng được chức năng của tổ nữa, số buổi đã ghi vẫn giữ.
dash-ok-activated = Đã kích hoạt lại thành viên.
dash-ok-invite-made = Đã tạo lời mời.
dash-ok-invite-revoked = Đã thu hồi lời mời: mã này không dùng được nữa.
dash-err-group-name = Tên tổ cần từ 1 đến 200 ký tự, có ít nhất một chữ hoặc số.
dash-err-group-exists = Phường đã có tổ tên này (kể cả tổ đã lưu trữ).
dash-err-cannot-change = Không thay đổi được thành viên này.
dash-err-unknown-action = Không rõ bạn muốn làm gì; chưa có gì thay đổi.
dash-err-invite-role = Bạn không tạo được lời mời cho vai trò này.
dash-err-invite-numbers = Số lượt dùng từ 1 đến 200, số ngày hiệu lực từ 1 đến 30.
dash-err-invite-group = Hãy chọn một tổ đang hoạt động của phường (tổ của bạn).
dash-never = chưa có
dash-groups-intro = Số buổi hỗ trợ { $month } và buổi gần nhất của từng tổ. Tổ chưa có buổi nào trong tháng được đánh dấu.
dash-group = Tổ
dash-sessions-month = Buổi trong tháng
dash-sessions = Số buổi
dash-last = Buổi gần nhất
dash-archived = Đã lưu trữ
dash-idle-flag = Chưa có hoạt động tháng này
dash-change = Thay đổi
dash-new-name = Tên mới
dash-rename = Đổi tên
dash-archive = Lưu trữ tổ
dash-restore = Đưa trở lại
dash-no-groups = Phường chưa có tổ nào.
dash-add-group = Thêm tổ
dash-group-example = Ví dụ: Tổ dân phố 12
dash-add = Thêm
dash-people-intro = Thành viên, vai trò, tổ và buổi hỗ trợ gần nhất. Không hiện số điện thoại.
dash-name = Họ tên
dash-role = Vai trò
dash-deactivated = Đã ngừng kích hoạt
dash-make-role = Chuyển thành { $role }
dash-deactivate = Ngừng kích hoạt
dash-activate = Kích hoạt lại
dash-no-people = Chưa có thành viên nào.
dash-invite-new = Lời mời { $role } · { $group }
dash-qr = Mã QR của lời mời
dash-invite-link = Mở trong Telegram:
dash-invite-no-link = Người được mời gõ mã này vào chat với bot (Telegram, Zalo hoặc web).
dash-invite-until = Đã dùng { $uses } lượt · dùng được đến { $until }.
dash-invite-make = Tạo lời mời
dash-invite-uses = Số người dùng được mã này
dash-invite-days = Số ngày hiệu lực
dash-invite-create = Tạo lời mời
dash-invite-list = Lời mời 90 ngày qua
dash-invite-code = Mã
dash-invite-for = Dành cho
dash-invite-state = Trạng thái
dash-invite-ok = Đang dùng được
dash-invite-expired = Hết hạn
dash-invite-used-up = Đã dùng hết lượt
dash-invite-revoked = Đã thu hồi
dash-invite-not-found = Không có
dash-invite-show = Xem mã QR
dash-invite-revoke = Thu hồi
dash-no-invites = Chưa có lời mời nào.
dash-files-intro = Tạo báo cáo của một kỳ: bảng tính Excel, biểu đồ và bản thảo báo cáo năm (Word). Liên kết tải dùng được trong 7 ngày.
dash-files-this-month = Tháng này
dash-files-last-month = Tháng trước
dash-files-this-quarter = Quý này
dash-files-this-year = Năm nay
dash-files-last-year = Năm trước
dash-files-typed = Hoặc gõ kỳ khác
dash-files-example = tháng 10, quý 3/2026, 1/11 - 15/11
dash-files-make = Tạo báo cáo
dash-files-text = Nội dung báo cáo
dash-told-role = { $by } đã đổi vai trò của bạn thành { $role }. Gõ menu để xem các việc bạn làm được.
dash-told-deactivated = { $by } đã ngừng kích hoạt bạn trong tổ công nghệ số. Các buổi bạn đã ghi vẫn được giữ. Bạn vẫn hỏi đáp được như người dân.
dash-told-activated = { $by } đã kích hoạt lại bạn trong tổ công nghệ số. Gõ menu để tiếp tục.
dash-error-title = Có lỗi
dash-error = Xin lỗi, đã có lỗi và chưa có gì thay đổi. Bạn mở lại trang và thử lại.
dash-trend = Số buổi hỗ trợ mỗi tháng, từ { $start } đến { $end }
dash-trend-title = Số buổi theo tháng (12 tháng)
dash-nav-city = Thành phố
dash-viewing = Đang xem: { $ward }
dash-city-intro = Các phường { $month }: { $sessions } buổi hỗ trợ, { $residents } lượt người dân cả thành phố. Mở một phường để xem và làm việc như cán bộ phường đó.
dash-city-ward = Phường
dash-city-open = Mở phường này
dash-city-viewing = Đang xem
dash-city-none = Chưa có phường nào.
dash-nav-form = Phiếu ghi
dash-form-intro = Phiếu ghi buổi hỗ trợ của phường (phiên bản { $version }): việc hỗ trợ, nhóm ưu tiên, các số đếm và mục tiêu năm. Đổi ở đây hoặc trong chat (Phiếu ghi của phường); số liệu cũ giữ nguyên tên lúc ghi.
dash-form-after = hỏi sau việc "{ $topic }"
dash-form-after-topic = Hỏi sau việc
dash-form-hidden = Đang ẩn
dash-form-hide = Ẩn
dash-form-show = Hiện lại
dash-form-new = Tên mục mới
dash-form-targets = Mục tiêu năm (để trống hoặc 0 là không đặt)
dash-form-save = Lưu
dash-ok-form-changed = Đã lưu thay đổi của phiếu ghi.
dash-err-form-name = Tên cần 2 đến 60 ký tự, không có số điện thoại, số giấy tờ, không bắt đầu bằng "/".
dash-err-form-taken = Phiếu ghi đã có một mục tên như vậy.
dash-err-form-target = Mục tiêu cần một số nguyên (tỷ lệ tổ hoạt động: từ 0 đến 100).
dash-err-form-too-many = Phần này đã có 12 mục đang hiện; ẩn bớt một mục trước.
dash-err-form-last-topic = Phiếu ghi cần ít nhất một việc hỗ trợ đang hiện.
dash-err-form-counter-topic = Số đếm cần hỏi sau một việc hỗ trợ đang hiện.
dash-mini-title = Trang quản lý
dash-mini-wait = Đang đăng nhập bằng Telegram…
dash-mini-failed = Không đăng nhập được. Trang này dành cho tổ trưởng và cán bộ phường; bạn mở lại từ nút trong Telegram, hoặc gõ /trangquanly để nhận liên kết.
web-open-here = Mở trong Telegram
dash-nav-deadlines = Hạn báo cáo
dash-deadlines-intro = Các hạn nộp báo cáo của phường. Thêm hạn mới và báo đã nộp trong chat (Hạn báo cáo, Báo đã nộp báo cáo).
dash-deadline-done = Tổ của bạn đã nộp báo cáo hạn { $due }. 👍
dash-deadline-open = Tổ của bạn chưa nộp báo cáo hạn { $due }.
dash-nav-announce = Thông báo
dash-announce-to = Gửi đến
dash-announce-text = Nội dung (tối đa { $max } ký tự)
dash-announce-quiet = Thông báo gửi vào giờ yên lặng sẽ chờ đến sáng mới đi.
dash-ok-announcement-sent = Đã đưa thông báo vào hàng gửi. Số người đã nhận hiện ở danh sách dưới.
dash-err-announcement-length = Thông báo cần có nội dung, tối đa 1000 ký tự.
dash-err-announcement-target = Hãy chọn cả phường hoặc một tổ của phường.
dash-nav-follow = Việc cần làm
dash-follow-intro = { $n } việc đang mở, { $overdue } việc quá hạn: hẹn quay lại của thành viên và yêu cầu hỗ trợ tại nhà của người dân. Số điện thoại đã che bớt.
dash-follow-what = Việc
dash-follow-due = Hạn
dash-follow-owner = Người nhận
dash-follow-request = Yêu cầu hỗ trợ tại nhà
dash-follow-session = Hẹn quay lại
dash-follow-nobody = chưa ai nhận
dash-follow-overdue = Quá hạn
dash-follow-none = Không có việc nào đang mở.
dash-nav-questions = Câu hỏi chưa trả lời
dash-ok-question-attached = Đã gắn câu hỏi vào mục: từ giờ người dân trong phường hỏi như vậy sẽ nhận câu trả lời đó.
dash-ok-question-written = Đã lưu mục mới của phường; câu hỏi này từ giờ được trả lời bằng mục đó.
dash-err-question-missing = Không còn câu hỏi để gắn.
dash-err-question-entry = Hãy chọn một mục trong danh sách.
dash-err-question-text = Mục mới cần tiêu đề (từ 3 ký tự) và nội dung (từ 10 ký tự).
dash-questions-intro = Câu người dân hỏi mà bot chưa trả lời được trong { $days } ngày qua, hỏi nhiều nhất trước. Số điện thoại, số căn cước và tên người đã được xoá.
dash-questions-times = { $n } lần
dash-questions-attach-to = Câu này hỏi về mục:
dash-questions-attach = Gắn vào mục này
dash-questions-write = Hoặc viết mục mới của phường
dash-questions-title = Tiêu đề
dash-questions-body = Câu trả lời
dash-questions-save = Lưu mục mới
dash-questions-none = Không có câu hỏi nào chưa trả lời trong { $days } ngày qua.
