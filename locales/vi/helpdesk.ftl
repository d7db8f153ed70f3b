## Hỏi đáp cho người dân (help desk). Nội dung các câu trả lời ở locales/kb/vi.toml.

hd-menu-ask = Hỏi đáp, hướng dẫn
hd-menu-visit = Nhờ tổ đến nhà hỗ trợ
hd-menu-alerts = Nhận thông báo của phường
hd-menu-requests = Người dân nhờ hỗ trợ
hd-menu-ward-entries = Thông tin phường cho người dân
hd-menu-title-resident = Bạn muốn làm gì? Bạn cũng có thể gõ thẳng câu hỏi, ví dụ: quên mật khẩu VNeID.

hd-ask = Bạn gõ câu hỏi ngắn gọn nhé (có dấu hay không dấu đều được), ví dụ: "đổi số điện thoại VNeID", "nộp lệ phí online". Hoặc xem theo chủ đề.
hd-greeting = Chào bạn! Mình trả lời các câu hỏi về VNeID, dịch vụ công, thanh toán, lừa đảo qua mạng.
hd-thanks = Dạ không có gì ạ! Khi cần, bạn cứ nhắn câu hỏi, hoặc bấm "Nhờ tổ đến nhà hỗ trợ" để có người đến giúp.
hd-too-long = Câu hỏi dài quá (tối đa { $max } ký tự). Bạn gõ ngắn lại, chỉ cần vài chữ chính nhé.
hd-choose = Mình chưa chắc bạn hỏi điều nào. Có phải một trong các mục này không?
hd-btn-none-of-these = Không phải các mục trên
hd-unknown = Xin lỗi, câu này mình chưa có câu trả lời chắc chắn. Mình đã ghi lại câu hỏi (không kèm thông tin của bạn) để bổ sung câu trả lời. Bạn có thể nhờ tổ công nghệ số hỗ trợ, hoặc xem theo chủ đề.
hd-unknown-unkept = Xin lỗi, mình chưa hiểu câu này. Bạn có thể gõ rõ hơn bằng vài chữ, nhờ tổ công nghệ số hỗ trợ, hoặc xem theo chủ đề.
hd-after = Bạn cần gì thêm không?
hd-btn-again = Hỏi câu khác
hd-btn-topics = Xem theo chủ đề
hd-btn-handoff = Nhờ người đến nhà hỗ trợ
hd-topics = Chọn chủ đề:
hd-entries = Chọn mục bạn cần:
hd-source = Nguồn: { $source } · Rà soát: { $reviewed }
hd-basis = Căn cứ: { $basis }
hd-ask-ward = Bạn ở phường / xã nào?
hd-ward-missing = Phường của bạn chưa cập nhật mục "{ $title }". Bạn có thể nhờ tổ công nghệ số hỗ trợ.

## Nhờ tổ đến nhà
hd-visit-no-ward = Chưa có phường nào dùng Ngõ Số nên mình chưa chuyển được yêu cầu. Bạn liên hệ trực tiếp phường nhé.
hd-visit-go-on = Yêu cầu nhờ tổ đến nhà của bạn vẫn đang dở, mình hỏi tiếp nhé:
hd-visit-ask-group = Bạn ở tổ dân phố / thôn nào? Tổ công nghệ số của nơi đó sẽ nhận yêu cầu.
hd-visit-group-unknown = Tôi không biết
hd-visit-ask-time = Bạn muốn được hỗ trợ lúc nào?
hd-time-morning = Buổi sáng
hd-time-afternoon = Buổi chiều
hd-time-evening = Buổi tối
hd-time-weekend = Cuối tuần
hd-time-any = Lúc nào cũng được
hd-visit-ask-consent =
    Tổ có thể gọi điện cho bạn để hẹn giờ không?
    Nếu đồng ý, mình lưu số điện thoại bạn gõ. Chỉ người nhận hỗ trợ bạn mới thấy đủ số; người khác chỉ thấy dạng che (091****678). Số bị xoá khi việc hỗ trợ xong, hoặc khi bạn gõ /xoadulieu.
    Nếu không, tổ sẽ nhắn lại bạn ngay trong cuộc trò chuyện này.
hd-visit-consent-yes = Đồng ý, tôi gõ số điện thoại
hd-visit-consent-no = Không, chỉ nhắn trong chat
hd-visit-ask-phone = Bạn gõ số điện thoại (ví dụ 0912345678). Đừng gửi số căn cước hay số tài khoản ngân hàng.
hd-visit-phone-invalid = Số điện thoại chưa đúng: cần 10 số bắt đầu bằng 0 (hoặc +84). Bạn gõ lại nhé.
hd-no-phone = không để lại số, nhắn qua chat
hd-visit-summary =
    Kiểm tra lại yêu cầu của bạn:
    • Nơi: { $where }
    • Thời gian: { $time }
    • Điện thoại: { $phone }
    Gửi cho tổ công nghệ số?
hd-visit-send = Gửi yêu cầu
hd-visit-cancel = Huỷ
hd-visit-cancelled = Đã huỷ, không có gì được lưu.
hd-visit-sent = Đã gửi yêu cầu số { $number } tới tổ công nghệ số ({ $where }). Khi có người nhận, mình sẽ nhắn bạn ngay tại đây.
hd-visit-sent-nobody = Đã ghi yêu cầu số { $number } cho { $where }, nhưng hiện chưa có thành viên tổ hay cán bộ phường nào dùng Ngõ Số để nhận. Bạn nên liên hệ trực tiếp phường. Khi có người nhận, mình sẽ nhắn bạn tại đây.
hd-visit-notify-team =
    🏠 Người dân nhờ hỗ trợ tại nhà (yêu cầu số { $number }):
    • Nơi: { $where }
    • Thời gian: { $time }
    • Điện thoại: { $phone }
    Vào "Người dân nhờ hỗ trợ" ở màn hình chính để nhận.
hd-visit-taken-resident = Yêu cầu số { $number } của bạn đã có người nhận: { $name } (tổ công nghệ số) sẽ liên hệ với bạn.

## Tổ xem yêu cầu của người dân
hd-req-list = Yêu cầu chưa ai nhận: { $open }. Bạn đang nhận: { $mine }.
hd-req-label = Số { $number }: { $time }, hẹn { $due }
hd-req-mine-label = (của bạn) { $label }
hd-req-detail =
    Yêu cầu số { $number }
    • Thời gian: { $time } (hẹn { $due })
    • Điện thoại: { $phone }
hd-req-what-now = Bạn muốn làm gì?
hd-req-btn-take = Tôi nhận hỗ trợ
hd-req-btn-done = Đã hỗ trợ xong
hd-req-taken = ✅ Bạn đã nhận yêu cầu này. Người dân đã được báo.
hd-req-taken-already = Yêu cầu này vừa có người khác nhận rồi.
hd-req-closed = ✅ Đã đóng yêu cầu. Số điện thoại của người dân đã được xoá.
hd-req-gone = Không còn yêu cầu này.

## Thông báo của phường
hd-alerts-members = Thành viên tổ nhận thông báo qua tổ và phường, không cần đăng ký ở đây.
hd-alerts-on = Bạn đang nhận thông báo của { $ward } (ví dụ cảnh báo lừa đảo).
hd-alerts-off = Bạn có muốn nhận thông báo của { $ward } (ví dụ cảnh báo lừa đảo) qua cuộc trò chuyện này không? Mình chỉ lưu cuộc trò chuyện này và phường bạn chọn.
hd-alerts-btn-on = Nhận thông báo
hd-alerts-btn-off = Thôi nhận thông báo
hd-alerts-subscribed = ✅ Đã đăng ký. Thôi nhận lúc nào cũng được ở mục này.
hd-alerts-unsubscribed = Đã thôi nhận thông báo.

## Cán bộ phường nhập thông tin phường
hd-ward-pick = Người dân hỏi về phường sẽ đọc các mục này. Chọn mục để nhập hoặc sửa (✅ là đã có):
hd-ward-nothing-yet = (chưa có)
hd-ward-ask-text =
    Hiện tại: { $current }
    Gõ nội dung mới (tối đa { $max } ký tự), ví dụ địa chỉ, giờ làm việc, số điện thoại của bộ phận một cửa.
hd-ward-btn-remove = Xoá mục này
hd-ward-text-length = Nội dung cần từ 5 đến { $max } ký tự. Bạn gõ lại nhé.
hd-ward-saved = ✅ Đã lưu "{ $title }". Người dân của phường sẽ đọc được ngay.
hd-ward-removed = Đã xoá mục này.

## Dữ liệu của người dân
hd-my-data-resident =
    Những gì mình lưu về bạn (theo cuộc trò chuyện này):
    • Phường: { $ward }
    • Tổ dân phố / thôn: { $group }
    • Nhận thông báo phường: { $alerts }
hd-my-data-requests = Yêu cầu hỗ trợ tại nhà của bạn:
hd-my-data-request-line = • Số { $number }, { $date }: { $time }, điện thoại { $phone }, { $status }
hd-status-open = chưa có người nhận
hd-status-taken = đã có người nhận
hd-status-done = đã xong
hd-yes = có
hd-no = không
hd-unknown-value = chưa rõ
hd-my-data-questions = Câu hỏi bạn gõ không được lưu kèm thông tin của bạn. Gõ /xoadulieu để xoá những gì ở trên.
hd-forget-confirm-resident =
    Xoá dữ liệu của bạn?
    Phường, tổ bạn đã chọn, đăng ký nhận thông báo và các yêu cầu hỗ trợ tại nhà (kèm số điện thoại) sẽ bị xoá.
hd-forget-done-resident = Đã xoá dữ liệu của bạn ({ $requests } yêu cầu hỗ trợ).
hd-req-btn-write = Nhắn cho người dân
hd-req-ask-message = Bạn gõ lời nhắn cho người dân (ví dụ: hẹn giờ đến, hỏi địa chỉ). Bot sẽ chuyển nguyên văn, kèm tên bạn.
hd-req-message-length = Lời nhắn cần từ 1 đến 1.000 ký tự.
hd-req-message-sent = Đã gửi lời nhắn cho người dân.
hd-visit-message-resident =
    Lời nhắn từ { $name } (tổ công nghệ số) về yêu cầu hỗ trợ tại nhà của bạn:
    { $text }
cmd-teach = Dạy bot trả lời câu hỏi người dân chưa được trả lời
teach-none = Không có câu hỏi nào chưa trả lời trong { $days } ngày qua. 👍
teach-pick = Câu người dân hỏi mà bot chưa trả lời được ({ $days } ngày qua, hỏi nhiều nhất trước). Chọn một câu để chỉ cho bot mục trả lời:
teach-find = "{ $question }" hỏi về mục nào? Chọn bên dưới, hoặc gõ vài chữ để tìm mục (ví dụ: quên mật khẩu).
teach-done = Đã dạy bot: từ giờ người dân trong phường hỏi như vậy sẽ nhận mục "{ $title }".
teach-not-found = Chưa tìm thấy mục nào. Gõ vài chữ khác (ví dụ: cài VNeID, nộp phí, lừa đảo).
