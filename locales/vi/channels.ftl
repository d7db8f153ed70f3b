# Telegram commands menu (setMyCommands) and channel notes.
cmd-start = Bắt đầu / về menu chính
cmd-log = Ghi một buổi hỗ trợ
cmd-stats = Xem số liệu
cmd-mydata = Xem dữ liệu của tôi
cmd-lang = Đổi ngôn ngữ
cmd-help = Hướng dẫn
cmd-cancel = Huỷ việc đang làm
cmd-forgetme = Xoá dữ liệu của tôi
file-needs-public-url = Có một tệp gửi kèm nhưng máy chủ chưa có địa chỉ công khai để Zalo tải về. Bạn nhờ quản trị viên đặt PUBLIC_BASE_URL, hoặc mở bot trên web chat để tải.
