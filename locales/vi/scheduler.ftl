## Lịch gửi tự động: báo cáo tuần, việc cần quay lại, thông báo, hạn nộp báo cáo.

## Báo cáo tuần
report-title-ward = Báo cáo: { $name }
report-title-team = Báo cáo: { $name }
report-header = 📊 Báo cáo { $name } · { $period }
report-dates = Từ { $start } đến { $end }
report-change = { $diff } buổi ({ $pct }%)
report-change-new = tăng (kỳ trước chưa có buổi nào)
report-change-none = không đổi
report-before-day = hôm trước
report-before-week = tuần trước
report-before-month = tháng trước
report-before-quarter = quý trước
report-before-year = năm trước
report-before-range = kỳ trước cùng số ngày
report-before-movement = kỳ trước
report-vs-before = So với { $before_name } ({ $before } buổi): { $sessions }
report-counters = Số liệu đếm:
report-counter-line = • { $name }: { $value }{ $change }
report-counter-change = { " " }({ $diff } so với kỳ trước)
report-target-line = 🎯 { $name }: { $done }/{ $target } mục tiêu năm { $year } ({ $pct }%)
report-sheet-targets = Mục tiêu năm
report-col-target = Mục tiêu năm { $year }
report-col-done-ytd = Đạt từ đầu năm
report-col-share = Tỷ lệ đạt
report-active-share = Tổ có hoạt động: { $active }/{ $total } ({ $pct }%, mục tiêu { $target }%)
report-idle-groups = Tổ chưa có hoạt động ({ $n }): { $names }
report-and-more = { " " }và { $n } tổ khác
report-follow-ups = Việc cần quay lại: { $open } đang mở, { $overdue } quá hạn
report-top-groups = 🏆 Tổ tích cực nhất:
report-top-members = 🏆 Thành viên tích cực nhất:
report-rank-line = { $rank }. { $name }: { $sessions } buổi, { $residents } người
report-rank-weeks = , hoạt động { $active }/{ $weeks } tuần
report-rank-fair = (Xếp theo số buổi mỗi tuần kể từ khi tham gia, rồi số người mỗi tuần; bằng nhau thì cùng hạng.)
report-chart-caption = Biểu đồ { $period }
report-file-caption = Bảng tính { $period } (không có thông tin người dân)
report-chart-groups = Số buổi theo tổ dân phố / thôn
report-chart-members = Số buổi theo thành viên
report-chart-topics = Số buổi theo nội dung hỗ trợ
report-chart-counters = Số liệu đếm
report-chart-more = và { $n } dòng khác trong bảng tính
report-empty = Chưa có buổi hỗ trợ nào trong kỳ này.
report-made = Lập ngày { $date } · Ngõ Số
report-file-word = Báo cáo
report-sheet-summary = Tổng hợp
report-sheet-topics = Theo nội dung
report-sheet-priority = Theo nhóm ưu tiên
report-sheet-groups = Theo tổ
report-sheet-members = Theo thành viên
report-sheet-sessions = Các buổi hỗ trợ
report-sheet-months = Theo tháng
report-col-month = Tháng
report-by-month-note = kỳ dài hơn một quý tổng hợp theo tháng; muốn xem từng buổi, chọn một tháng hoặc một quý
report-col-indicator = Chỉ tiêu
report-col-this = Kỳ này
report-col-before = Kỳ trước
report-col-change = Thay đổi
report-col-name = Tên
report-col-sessions = Số buổi
report-col-residents = Số người dân
report-col-open-fu = Việc cần quay lại đang mở
report-col-overdue-fu = Việc cần quay lại quá hạn
report-col-active = Tổ có hoạt động
report-col-groups-total = Tổng số tổ
report-col-active-weeks = Số tuần có hoạt động
report-col-weeks = Số tuần tính đến nay (từ khi tham gia)
report-col-topic = Nội dung hỗ trợ
report-col-priority = Nhóm ưu tiên
report-col-date = Ngày
report-col-group = Tổ dân phố / thôn
report-col-place = Nơi hỗ trợ
report-col-outcome = Kết quả
report-totals = Tổng cộng
report-weekly-intro = 📬 Báo cáo tuần tự động. Muốn xem kỳ khác (tháng, quý, năm), gõ /baocao.
report-monthly-intro = 📬 Báo cáo tháng tự động (phường đã chọn nhận). Muốn xem kỳ khác, gõ /baocao.
report-ask-period = Báo cáo kỳ nào? Chọn bên dưới, hoặc gõ: một ngày trong tuần cần xem (12/11), số tuần ({ $example }), một tháng (11/{ $year }), một quý (quý 3/{ $year }), một năm ({ $year }), hoặc hai ngày (01/11/{ $year } - 15/11/{ $year }).
report-this-week-choice = Tuần này (từ { $start })
report-last-week-choice = Tuần trước ({ $start } – { $end })
report-this-month-choice = Tháng này (tháng { $month })
report-last-month-choice = Tháng trước (tháng { $month })
report-this-quarter-choice = Quý này (quý { $quarter })
report-this-year-choice = Năm nay ({ $year })
report-movement-choice = Cả giai đoạn 2026–2030
report-period-invalid = Mình chưa hiểu kỳ nào. Bạn chọn một nút, hoặc gõ ví dụ: 12/11/2026 (tuần có ngày đó), 2026-W45, 11/2026, quý 3/2026, 2026, "năm nay", hay 01/11/2026 - 15/11/2026.
report-period-future = Bạn nhập { $understood }: kỳ đó chưa bắt đầu. Bạn chọn kỳ này hoặc một kỳ đã qua nhé.
report-range-reversed = Ngày đầu ({ $start }) sau ngày cuối ({ $end }). Bạn gõ ngày sớm trước, ví dụ 01/11/2026 - 15/11/2026.
report-after = Báo cáo ở trên. Bạn cần gì tiếp?
report-another = Báo cáo kỳ khác
btn-short-menu = ☰ Menu
report-menu = Báo cáo (tuần, tháng, quý, năm)
period-title-day = Ngày { $date }
period-title-week = Tuần { $start }–{ $end }
period-title-month = Tháng { $month }/{ $year }
period-title-quarter = Quý { $quarter }/{ $year }
period-title-year = Năm { $year }
period-title-movement = Giai đoạn { $start }–{ $end }
period-title-range = Từ { $start } đến { $end }

## Việc cần quay lại
fu-line = • Hạn { $due } · { $topics } · { $residents } người · { $group }
fu-no-topic = (không rõ nội dung)
fu-due-today = ⏰ Hôm nay đến hạn quay lại { $n } việc:
fu-due-on = ⏰ Ngày { $date } đến hạn quay lại { $n } việc:
fu-overdue = ⚠️ { $n } việc cần quay lại đã quá hạn trong tổ:
fu-close-hint = Làm xong thì gõ /viec để đánh dấu đã xong.
fu-none = Không có việc cần quay lại nào đang mở. 👍
fu-ask-close = Có { $n } việc cần quay lại đang mở ({ $overdue } quá hạn). Chọn một việc đã làm xong để đóng:
fu-closed = ✅ Đã đóng việc đó.
fu-not-closed = Việc đó đã được đóng rồi, hoặc bạn không phụ trách việc đó.
fu-menu = Việc cần quay lại

## Thông báo của phường
ann-menu = Gửi thông báo
ann-ask-what = Thông báo tới thành viên trong phường:
ann-new = Viết thông báo mới
ann-status = Xem đã gửi tới đâu
ann-ask-target = Gửi tới ai?
ann-to-ward = Cả phường
ann-ask-text = Gõ nội dung thông báo (tối đa { $max } ký tự):
ann-bad-length = Nội dung cần từ 1 đến { $max } ký tự (đang có { $length }). Hãy gõ lại.
ann-confirm =
    Thông báo sẽ gửi tới { $n } người ({ $target }):

    { $text }

    Tin gửi trong giờ nghỉ ({ $quiet }) sẽ đến vào sáng hôm sau.
ann-send = Gửi
ann-cancel = Huỷ
ann-message =
    📢 Thông báo của { $ward }:
    { $text }
ann-queued = Đã xếp { $n } tin để gửi. Xem số đã nhận trong mục Gửi thông báo → Xem đã gửi tới đâu.
ann-none = Phường chưa gửi thông báo nào.
ann-status-title = Các thông báo gần đây:
ann-status-line = • { $when } · { $target }: { $sent }/{ $total } đã gửi, { $pending } đang chờ, { $unreachable } không gửi được
report-unanswered = Người dân hỏi mà bot chưa trả lời được (nên bổ sung mục hỏi đáp):
report-unanswered-line = • { $question } ({ $n } lần)

## Hạn báo cáo
dl-menu = Hạn báo cáo
dl-menu-submit = Báo đã nộp báo cáo
dl-list = Các hạn báo cáo của phường ({ $n }). Chọn một hạn để xem tổ nào chưa nộp, hoặc thêm hạn mới:
dl-none = Phường chưa có hạn báo cáo nào.
dl-add = Thêm hạn báo cáo
dl-gone = Hạn báo cáo này không còn nữa.
dl-detail = 📅 { $title }: { $when }
dl-detail-who = Đối tượng: { $roles }
dl-detail-offsets = Nhắc: { $offsets }
dl-detail-past = Ngày này đã qua; không nhắc nữa.
dl-missing = Chưa nộp cho hạn { $due } ({ $n }): { $names }
dl-all-in = Tất cả tổ đã nộp báo cáo hạn { $due }. 👍
dl-delete = Xoá hạn này
dl-delete-confirm = Xoá "{ $title }"? Sẽ không nhắc nữa.
dl-delete-yes = Xoá
dl-delete-no = Không xoá
dl-deleted = 🗑 Đã xoá.
dl-ask-title = Tên báo cáo là gì? (ví dụ: Báo cáo phong trào thi đua năm; tối đa { $max } ký tự)
dl-bad-title = Tên cần từ 1 đến { $max } ký tự. Vui lòng gõ lại.
dl-ask-kind = Hạn nộp khi nào?
dl-kind-once = Một ngày cụ thể
dl-kind-weekly = Hằng tuần
dl-kind-monthly = Hằng tháng
dl-kind-yearly = Hằng năm
dl-ask-when-once = Gõ ngày (ví dụ 15/12/2026, 15/12 cho lần tới, hoặc "ngày mai", "thứ sáu"):
dl-ask-when-weekly = Vào thứ mấy trong tuần?
dl-ask-when-monthly = Ngày mấy trong tháng? Gõ từ 1 đến 31 (31: ngày cuối mỗi tháng).
dl-ask-when-yearly = Ngày nào trong năm? Gõ ngày/tháng, ví dụ 05/11 hoặc 12/12.
dl-bad-when-once = Không đọc được ngày này. Gõ ngày/tháng/năm (ví dụ 15/12/2026), hoặc "ngày mai", "thứ sáu".
dl-bad-when-weekly = Vui lòng chọn một thứ trong tuần bên dưới.
dl-bad-when-monthly = Vui lòng gõ một ngày từ 1 đến 31.
dl-bad-when-yearly = Không đọc được ngày này. Gõ ngày/tháng, ví dụ 05/11.
dl-date-past = Ngày này đã qua. Vui lòng gõ một ngày từ hôm nay trở đi.
dl-ask-roles = Ai phải nộp (và nhận lời nhắc)?
dl-roles-leader = Tổ trưởng
dl-roles-staff = Cán bộ phường
dl-roles-both = Cả hai
dl-role-leader = tổ trưởng
dl-role-staff = cán bộ phường
dl-ask-offsets = Nhắc vào lúc nào? Mặc định: { $default }. Hoặc gõ số ngày trước hạn, ví dụ 7 3 0 (0 = đúng ngày).
dl-offsets-default = Mặc định
dl-offset = { $n ->
    [0] đúng ngày
   *[other] trước { $n } ngày
}
dl-bad-offsets = Gõ số ngày nguyên từ 0 đến { $max }, ví dụ 7 3 0.
dl-confirm =
    Hạn báo cáo mới:
    📅 { $title }: { $when }
    Đối tượng: { $roles }
    Nhắc: { $offsets }
    Hạn gần nhất: { $first }
dl-save = Lưu
dl-saved = ✅ Đã lưu: { $title }. Lời nhắc gửi vào giờ nhắc việc, không gửi trong giờ nghỉ.
dl-when-once = ngày { $date }
dl-when-weekly = { $weekday } hằng tuần
dl-when-monthly = ngày { $day } hằng tháng
dl-when-yearly = ngày { $date } hằng năm
dl-weekday-0 = Thứ Hai
dl-weekday-1 = Thứ Ba
dl-weekday-2 = Thứ Tư
dl-weekday-3 = Thứ Năm
dl-weekday-4 = Thứ Sáu
dl-weekday-5 = Thứ Bảy
dl-weekday-6 = Chủ nhật
dl-reminder = ⏰ { $left ->
    [0] Hôm nay là hạn nộp
    [1] Ngày mai là hạn nộp
   *[other] Còn { $left } ngày đến hạn nộp
} ({ $due }): { $title }
dl-reminder-hint = Khi tổ đã nộp, gõ /nopbaocao để dừng nhắc.
dl-reminder-staff-hint = Để xem tổ nào chưa nộp, gõ /hanbaocao.
dl-nothing-owed = Tổ hiện không còn báo cáo nào phải nộp. 👍
dl-ask-submitted = Báo cáo tổ còn phải nộp ({ $n }). Chọn báo cáo đã nộp:
dl-owed-line = { $title } · hạn { $due }
dl-submitted = ✅ Đã ghi nhận: "{ $title }" (hạn { $due }) đã nộp. Không nhắc nữa.

## Nhắc khi lâu không ghi buổi
nudge-message =
    👋 Chào { $name }! Đã { $days } ngày chưa có buổi hỗ trợ nào được ghi. Nếu bạn đã giúp bà con, gõ /ghi để ghi lại; mỗi buổi đều góp vào thành tích của tổ.
    (Để tắt lời nhắc này: /tatnhac)
nudge-state-on = Bạn nhận lời nhắc nhẹ sau { $days } ngày không ghi buổi nào.
nudge-state-off = Lời nhắc sau { $days } ngày không ghi buổi đang tắt.
nudge-turn-off = Tắt nhắc
nudge-turn-on = Bật lại nhắc
nudge-now-off = 🔕 Đã tắt. Gõ /batnhac để bật lại.
nudge-now-on = 🔔 Đã bật lại.

## Giờ gửi báo cáo tuần
tt-menu = Ngày giờ gửi báo cáo
tt-ask-weekday = Báo cáo tuần của phường hiện gửi vào { $weekday } lúc { $time }. Gửi vào thứ mấy?
tt-ask-time = Lúc mấy giờ? Gõ giờ:phút, ví dụ 08:00.
tt-bad-time = Không đọc được giờ này. Gõ giờ:phút, ví dụ 08:00 hoặc 17:30.
tt-saved = ✅ Báo cáo tuần sẽ gửi vào { $weekday } hằng tuần lúc { $time }.
tt-monthly-is-on = Báo cáo tháng: đang bật (ngày 1 hằng tháng lúc { $time }, báo cáo tháng trước).
tt-monthly-is-off = Báo cáo tháng: đang tắt.
tt-monthly-on = 📅 Bật báo cáo tháng
tt-monthly-off = 📅 Tắt báo cáo tháng
tt-monthly-saved-on = ✅ Đã bật: ngày 1 hằng tháng, cán bộ phường và tổ trưởng nhận báo cáo tháng trước.
tt-monthly-saved-off = ✅ Đã tắt báo cáo tháng; báo cáo tuần vẫn gửi như cũ.
fu-line-visit = • Hạn { $due } · Người dân nhờ hỗ trợ tại nhà ({ $time }) · { $group }
fu-group-unknown = chưa rõ tổ
