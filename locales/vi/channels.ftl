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
help-resident =
    Dành cho người dân:
    /hoidap: hỏi cách dùng VNeID, dịch vụ công, thanh toán, cảnh giác lừa đảo
    /nhohotro: nhờ tổ công nghệ số đến nhà hỗ trợ
    /thongbao: nhận hoặc thôi nhận thông báo của phường
    /thamgia: tham gia tổ bằng mã mời
help-volunteer =
    Dành cho thành viên tổ:
    /viec: việc cần quay lại
    /yeucau: người dân nhờ hỗ trợ tại nhà
    /tatnhac, /batnhac: tắt hoặc bật lời nhắc khi lâu chưa ghi buổi
    /hoidap: hỏi đáp để hướng dẫn người dân
help-leader =
    Dành cho tổ trưởng:
    /viec: việc cần quay lại của tổ
    /yeucau: người dân nhờ hỗ trợ tại nhà
    /baocao: báo cáo tuần của tổ (biểu đồ, bảng tính)
    /nopbaocao: báo đã nộp báo cáo
    /moi: mời thành viên vào tổ
    /tatnhac, /batnhac: tắt hoặc bật lời nhắc khi lâu chưa ghi buổi
help-staff =
    Dành cho cán bộ phường:
    /baocao: báo cáo tuần của phường (biểu đồ, bảng tính)
    /hanbaocao: hạn nộp báo cáo, tổ nào chưa nộp
    /giobaocao: ngày giờ gửi báo cáo tuần
    /thongbao: gửi thông báo cho cả phường hoặc một tổ
    /viec: việc cần quay lại
    /yeucau: người dân nhờ hỗ trợ tại nhà
    /thongtinphuong: thông tin phường cho người dân (địa chỉ, giờ làm việc, điện thoại)
    /moi: mời tổ trưởng
