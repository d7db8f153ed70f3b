## Dự thảo báo cáo phong trào (.docx) để cán bộ phường sửa và ký

annual-authority = ỦY BAN NHÂN DÂN
annual-number = Số:       /BC-UBND
annual-nation = CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
annual-motto = Độc lập - Tự do - Hạnh phúc
annual-place-date = { $ward }, ngày      tháng      năm
annual-title = BÁO CÁO
    Kết quả hoạt động của Tổ công nghệ số cộng đồng
annual-draft-note = [DỰ THẢO do Ngõ Số lập từ số liệu các tổ đã ghi. Cán bộ phường rà soát, sửa, bổ sung trước khi ký; không gửi đi như bản này.]
annual-results = I. KẾT QUẢ THỰC HIỆN
annual-overall = 1. Kết quả chung
annual-active-share = Số tổ dân phố / thôn có Tổ công nghệ số cộng đồng hoạt động: { $active }/{ $total } ({ $pct }%; mục tiêu { $target }%).
annual-target-line = { $name }: { $done }/{ $target } (mục tiêu năm { $year }, đạt { $pct }%)
annual-signer-title = CHỦ TỊCH
annual-sign-here = (Ký, ghi rõ họ tên, đóng dấu)
annual-by-indicator = Kết quả theo chỉ tiêu:
annual-by-group = 2. Kết quả theo tổ dân phố / thôn
annual-col-indicator = Chỉ tiêu
annual-col-this = Kỳ báo cáo
annual-totals = Tổng cộng
annual-col-before = Kỳ trước
annual-commend = II. ĐỀ XUẤT KHEN THƯỞNG
annual-fair = (Xếp theo số buổi hỗ trợ mỗi tuần kể từ khi tham gia, rồi số người dân được hỗ trợ mỗi tuần; bằng nhau thì cùng hạng.)
annual-commend-groups = Các tổ tiêu biểu:
annual-commend-members = Các thành viên tiêu biểu:
annual-commend-none = (chưa có)
annual-rank-line = { $rank }. { $name }: { $sessions } buổi hỗ trợ, { $residents } người dân được hỗ trợ; hoạt động { $active }/{ $weeks } tuần
annual-shortcomings = III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN
annual-plans = IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI
annual-write-here = [Cán bộ phường viết nội dung tại đây]
annual-recipients = Nơi nhận:
annual-recipients-list =
    - [Cấp trên nhận báo cáo];
    - Lưu: VT, VHXH.
annual-signer = TM. ỦY BAN NHÂN DÂN
annual-file-word = Du thao bao cao
annual-button = 📄 Dự thảo báo cáo (.docx)
annual-caption = Dự thảo báo cáo { $period } (Word) để cán bộ phường sửa và ký; không có thông tin người dân.
