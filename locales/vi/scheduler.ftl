## Lịch gửi tự động: báo cáo tuần, việc cần quay lại, thông báo, hạn nộp báo cáo.

## Báo cáo tuần
report-title-ward = Báo cáo tuần: { $name }
report-title-team = Báo cáo tuần: { $name }
report-change = { $diff } buổi ({ $pct }%)
report-change-new = tăng (tuần trước chưa có buổi nào)
report-change-none = không đổi
report-vs-last-week = So với tuần trước ({ $before } buổi): { $sessions }
report-idle-groups = Tổ chưa có hoạt động ({ $n }): { $names }
report-and-more = { " " }và { $n } tổ khác
report-follow-ups = Việc cần quay lại: { $open } đang mở, { $overdue } quá hạn
report-top-groups = 🏆 Tổ tích cực nhất:
report-top-members = 🏆 Thành viên tích cực nhất:
report-rank-line = { $rank }. { $name }: { $sessions } buổi, { $residents } người
report-chart-caption = Biểu đồ tuần { $week }
report-file-caption = Bảng tính tuần { $week } (không có thông tin cá nhân)
report-chart-groups = Số buổi theo tổ dân phố / thôn
report-chart-members = Số buổi theo thành viên
report-chart-topics = Số buổi theo nội dung hỗ trợ
report-sheet-summary = Tổng hợp
report-sheet-topics = Theo nội dung
report-sheet-priority = Theo nhóm ưu tiên
report-sheet-groups = Theo tổ
report-sheet-members = Theo thành viên
report-sheet-sessions = Các buổi hỗ trợ
report-col-report = Báo cáo
report-col-week = Tuần
report-col-name = Tên
report-col-sessions = Số buổi
report-col-residents = Số người dân
report-col-previous = Số buổi tuần trước
report-col-open-fu = Việc cần quay lại đang mở
report-col-overdue-fu = Việc cần quay lại quá hạn
report-col-active = Tổ có hoạt động
report-col-topic = Nội dung hỗ trợ
report-col-priority = Nhóm ưu tiên
report-col-date = Ngày
report-col-group = Tổ dân phố / thôn
report-col-place = Nơi hỗ trợ
report-col-outcome = Kết quả
report-weekly-intro = 📬 Báo cáo tuần tự động. Muốn xem tuần khác, gõ /baocao.
report-ask-week = Báo cáo tuần nào? Chọn bên dưới, hoặc gõ một ngày trong tuần đó (ví dụ 12/11) hay số tuần (ví dụ { $example }).
report-week-choice = Tuần { $start } – { $end }
report-week-invalid = Tôi chưa hiểu tuần nào. Hãy gõ một ngày (ví dụ 12/11/2026) hoặc số tuần (ví dụ 2026-W45).
report-week-future = Tuần đó chưa bắt đầu. Hãy chọn một tuần đã qua.
report-menu = Báo cáo tuần (biểu đồ, bảng tính)

## Việc cần quay lại
fu-line = • Hạn { $due } · { $topics } · { $residents } người · { $group }
fu-no-topic = (không rõ nội dung)
fu-due-today = ⏰ Hôm nay đến hạn quay lại { $n } việc:
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
