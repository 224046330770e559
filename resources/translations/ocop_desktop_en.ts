<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Giới thiệu %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <source>Phiên bản %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Chuẩn bị hồ sơ, chấm điểm và đồng bộ sản phẩm OCOP (Mỗi xã một sản phẩm), làm việc không cần Internet.</source>
        <translation>Prepare dossiers, score and synchronise OCOP (One Commune One Product) products, working without the Internet.</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Thư mục nhật ký:</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <source>Dữ liệu nằm ngoài thư mục cài đặt: gỡ cài đặt hoặc cài bản mới không xóa dữ liệu.</source>
        <translation>Data is kept outside the installation folder: uninstalling or installing a new version does not delete it.</translation>
    </message>
    <message>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 được phát hành theo giấy phép MIT.</source>
        <translation>%1 is released under the MIT licence.</translation>
    </message>
    <message>
        <source>Giao diện dùng Qt %1 và PySide6 %2 (The Qt Company), theo giấy phép GNU LGPL phiên bản 3. Các thư viện Qt là những tệp riêng trong thư mục cài đặt và có thể được thay bằng bản khác tương thích; mã nguồn Qt và PySide6 được công bố tại qt.io.</source>
        <translation>The interface uses Qt %1 and PySide6 %2 (The Qt Company) under the GNU LGPL version 3. The Qt libraries are separate files in the installation folder and may be replaced by other compatible versions; the source code of Qt and PySide6 is published at qt.io.</translation>
    </message>
    <message>
        <source>Phông chữ Be Vietnam Pro và Liberation Serif: giấy phép SIL Open Font License 1.1 (&lt;a href=&quot;%1&quot;&gt;văn bản giấy phép&lt;/a&gt;).</source>
        <translation>Be Vietnam Pro and Liberation Serif fonts: SIL Open Font License 1.1 (&lt;a href=&quot;%1&quot;&gt;licence text&lt;/a&gt;).</translation>
    </message>
    <message>
        <source>Python %1 (giấy phép PSF); SQLAlchemy, Alembic, platformdirs, vietnam-provinces (MIT); ReportLab, Pillow (BSD); cryptography (Apache 2.0 hoặc BSD).</source>
        <translation>Python %1 (PSF licence); SQLAlchemy, Alembic, platformdirs, vietnam-provinces (MIT); ReportLab, Pillow (BSD); cryptography (Apache 2.0 or BSD).</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Ngày tiếp nhận</source>
        <translation>Receipt date</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Lý do trả lại (bắt buộc)</source>
        <translation>Reason for returning (required)</translation>
    </message>
    <message>
        <source>Hồ sơ bị hủy theo đề nghị rút hồ sơ của chủ thể: không sửa, không gửi tiếp được nữa. Lý do được ghi vào lịch sử hồ sơ và nhật ký thay đổi. Muốn đăng ký lại, lập hồ sơ mới.</source>
        <translation>The dossier is cancelled at the producer&apos;s request to withdraw it: it can no longer be edited or sent on. The reason is recorded in the dossier&apos;s history and the change log. To apply again, start a new dossier.</translation>
    </message>
    <message>
        <source>Lý do hủy (bắt buộc)</source>
        <translation>Reason for cancelling (required)</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Không hủy</source>
        <translation>Don&apos;t cancel</translation>
    </message>
    <message>
        <source>Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.</source>
        <translation>The date “%1” is not valid; use dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>AdvisoryDialog</name>
    <message>
        <source>Ý kiến tổ tư vấn – %1</source>
        <translation>Advisory team notes – %1</translation>
    </message>
    <message>
        <source>Thêm ghi chú</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Báo cáo thẩm định, biên bản kiểm tra thực tế, kết quả kiểm nghiệm bổ sung… về hồ sơ này. Hồ sơ của xã giữ nguyên; các ghi chú và tệp được gửi đến máy chấm của thành viên Hội đồng cùng gói phân công.</source>
        <translation>Review reports, site visit records, extra test results… about this dossier. The commune&apos;s dossier stays as it was sent; the notes and files go to the council members&apos; scoring computers with their assignment package.</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Chưa có ghi chú nào của tổ tư vấn.</source>
        <translation>No advisory team notes yet.</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (không bắt buộc)</source>
        <translation>dd/mm/yyyy (optional)</translation>
    </message>
    <message>
        <source>(không có tệp)</source>
        <translation>(no file)</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Attached file</translation>
    </message>
    <message>
        <source>“%1” không phải ngày hợp lệ (dd/mm/yyyy).</source>
        <translation>“%1” is not a valid date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose the attached file</translation>
    </message>
    <message>
        <source>Tài liệu (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Phân hồ sơ vào %1</source>
        <translation>Assign dossiers to %1</translation>
    </message>
    <message>
        <source>Phân vào đợt</source>
        <translation>Assign to round</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Đợt đề xuất</source>
        <translation>Suggested round</translation>
    </message>
    <message>
        <source>Hồ sơ đã tiếp nhận, chưa thuộc đợt nào. Đã chọn sẵn những hồ sơ được đề xuất cho đợt này; đánh dấu thêm hoặc bỏ dấu những hồ sơ để đợt sau:</source>
        <translation>Accepted dossiers not in any round. Those suggested for this round are ticked; tick more, or untick those that wait for a later round:</translation>
    </message>
    <message>
        <source>Phân %1 hồ sơ vào đợt</source>
        <translation>Put %1 dossiers into the round</translation>
    </message>
    <message>
        <source>Chưa đánh dấu hồ sơ nào.</source>
        <translation>No dossier is ticked.</translation>
    </message>
</context>
<context>
    <name>AssignmentPreviewDialog</name>
    <message>
        <source>Nhập gói phân công chấm điểm</source>
        <translation>Import scoring assignment package</translation>
    </message>
    <message>
        <source>Gói của %1 (mã %2), tạo lúc %3.</source>
        <translation>Package from %1 (code %2), created %3.</translation>
    </message>
    <message>
        <source>%1 hồ sơ; %2 tệp minh chứng mới (%3 KB), %4 tệp đã có trên máy.</source>
        <translation>%1 dossiers; %2 new evidence files (%3 KB), %4 files already on this computer.</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Trên máy này</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Tỉnh đã thay khóa: gọi điện cho cán bộ tỉnh, nhờ họ đọc dấu vân tay khóa MỚI của tỉnh và nhập vào đây (6 nhóm, mỗi nhóm 5 chữ số).</source>
        <translation>The province replaced its key: phone the province officer, ask them to read out the province&apos;s NEW key fingerprint and type it here (6 groups of 5 digits).</translation>
    </message>
    <message>
        <source>Lần đầu nhận gói của tỉnh: gọi điện cho cán bộ tỉnh, nhờ họ đọc dấu vân tay khóa của tỉnh và nhập vào đây (6 nhóm, mỗi nhóm 5 chữ số).</source>
        <translation>First package from the province: phone the province officer, ask them to read out the province key fingerprint and type it here (6 groups of 5 digits).</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nhập gói</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Mọi cán bộ</source>
        <translation>All officers</translation>
    </message>
    <message>
        <source>mã bản ghi (dán từ cột Bản ghi)</source>
        <translation>record id (paste from the Record column)</translation>
    </message>
    <message>
        <source>Mọi thao tác</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Xuất XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Kiểm tra nhật ký</source>
        <translation>Check the log</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Bản ghi:</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>Thao tác:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>%1 (đã ngừng)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source> (mới nhất; lọc để xem các mục cũ hơn)</source>
        <translation> (newest; filter to see older entries)</translation>
    </message>
    <message>
        <source>%1 mục</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>Xuất nhật ký thay đổi</source>
        <translation>Export the change log</translation>
    </message>
    <message>
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Checking the log…</translation>
    </message>
    <message>
        <source>Nhật ký nguyên vẹn: %1 mục, khớp với %2 bản ghi hiện có.</source>
        <translation>The log is intact: %1 entries, matching the %2 records there are.</translation>
    </message>
    <message>
        <source>Đã xuất %1</source>
        <translation>Exported %1</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source> (nhập gói)</source>
        <translation> (package import)</translation>
    </message>
    <message>
        <source> (dữ liệu mẫu)</source>
        <translation> (demo data)</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Sao lưu dữ liệu</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>Một tệp mã hóa chứa cơ sở dữ liệu, các tệp minh chứng, khóa của cơ quan và cài đặt. Mang tệp sang máy mới (kể cả tài khoản Windows khác, hệ điều hành khác) và chọn Tệp &gt; Khôi phục từ bản sao lưu… trên máy đó. Không có mật khẩu thì không ai mở được tệp — kể cả bạn: hãy ghi mật khẩu ở nơi an toàn.</source>
        <translation>One encrypted file holding the database, the evidence files, the office keys and the settings. Take it to a new PC (even another Windows account or another operating system) and choose File &gt; Restore from backup… there. Without the passphrase nobody can open the file — not even you: keep the passphrase somewhere safe.</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Mật khẩu sao lưu:</source>
        <translation>Backup passphrase:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>Lưu vào thư mục:</source>
        <translation>Save to folder:</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sao lưu tự động</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>Tự động sao lưu vào thư mục trên khi phần mềm đang mở</source>
        <translation>Back up automatically to the folder above while the app is open</translation>
    </message>
    <message>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <source> bản mới nhất</source>
        <translation> newest copies</translation>
    </message>
    <message>
        <source>Mỗi</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>— giữ lại</source>
        <translation>— keep</translation>
    </message>
    <message>
        <source>Các bản tự động dùng mật khẩu nhập ở trên. Mật khẩu được giữ trên máy này, bảo vệ như khóa của cơ quan (Windows: DPAPI của tài khoản này; máy khác: kho khóa của hệ điều hành nếu có), để sao lưu mà không cần ai nhập.</source>
        <translation>Automatic backups use the passphrase typed above. It is kept on this PC, protected like the office keys (Windows: this account&apos;s DPAPI; elsewhere: the operating system&apos;s keyring when there is one), so that backups run without anyone typing it.</translation>
    </message>
    <message>
        <source> Đã có mật khẩu cho bản tự động.</source>
        <translation> A passphrase for automatic backups is set.</translation>
    </message>
    <message>
        <source>Lần tự động gần nhất: {0}</source>
        <translation>Last automatic backup: {0}</translation>
    </message>
    <message>
        <source>Chọn thư mục (USB, ổ đĩa khác)</source>
        <translation>Choose a folder (USB stick, another drive)</translation>
    </message>
    <message>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {0} ({1:.1f} MB).</source>
        <translation>Backed up to {0} ({1:.1f} MB).</translation>
    </message>
    <message>
        <source>Đã hủy: không có tệp sao lưu nào được tạo.</source>
        <translation>Cancelled: no backup file was created.</translation>
    </message>
</context>
<context>
    <name>BackupMenu</name>
    <message>
        <source>Sao lưu…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Đã sao lưu tự động: {0}</source>
        <translation>Automatic backup done: {0}</translation>
    </message>
    <message>
        <source>Chưa sao lưu tự động được: {0}</source>
        <translation>Automatic backup not done: {0}</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu từ bản sao lưu. OCOP Desktop sẽ đóng lại; hãy mở lại để làm việc với dữ liệu đã khôi phục.</source>
        <translation>The data was restored from the backup. OCOP Desktop will close; open it again to work with the restored data.</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Lỗi phần mềm</source>
        <translation>Software error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong đợi trong phần mềm. Dữ liệu đã lưu không bị ảnh hưởng.
Hãy bấm “Sao chép” và gửi nội dung dưới đây cho bộ phận hỗ trợ.</source>
        <translation>An unexpected error occurred in the software. Saved data is not affected.
Press “Copy” and send the text below to the support team.</translation>
    </message>
    <message>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đã sao chép</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Giấy chứng nhận OCOP — %1</source>
        <translation>OCOP certificates — %1</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Cấp công nhận</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sản phẩm chưa có giấy chứng nhận nào.</source>
        <translation>The product has no certificate yet.</translation>
    </message>
    <message>
        <source>Nhập giấy chứng nhận đã được cấp</source>
        <translation>Enter a certificate already issued</translation>
    </message>
    <message>
        <source>Thêm giấy chứng nhận</source>
        <translation>Add certificate</translation>
    </message>
    <message>
        <source>Hạng sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Theo bộ tiêu chí</source>
        <translation>Under the rule set</translation>
    </message>
    <message>
        <source>Cơ quan ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Lý do thu hồi</source>
        <translation>Reason for revoking</translation>
    </message>
    <message>
        <source>Thu hồi giấy đang chọn</source>
        <translation>Revoke the selected certificate</translation>
    </message>
    <message>
        <source>Thu hồi ngày</source>
        <translation>Revoked on</translation>
    </message>
    <message>
        <source>Đã thu hồi ngày %1: %2</source>
        <translation>Revoked on %1: %2</translation>
    </message>
    <message>
        <source>Đã hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Hết hạn, đang chờ kết quả đánh giá lại nộp ngoài thời hạn: còn hiệu lực đến khi có kết quả, không quá %1 (khoản 3 Điều 12 QĐ 26/2026)</source>
        <translation>Expired, awaiting the result of a late re-evaluation: valid until the result, no later than %1 (Art. 12.3 of QĐ 26/2026)</translation>
    </message>
    <message>
        <source>nộp hồ sơ đánh giá lại từ %1 đến %2</source>
        <translation>file the re-evaluation dossier from %1 to %2</translation>
    </message>
    <message>
        <source>Sắp hết hạn: %1</source>
        <translation>Expiring: %1</translation>
    </message>
    <message>
        <source>Còn hiệu lực; %1</source>
        <translation>Valid; %1</translation>
    </message>
    <message>
        <source>Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.</source>
        <translation>The date “%1” is not valid; use dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Hãy chọn giấy chứng nhận cần thu hồi.</source>
        <translation>Choose the certificate to revoke.</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereBar</name>
    <message>
        <source>Hồ sơ vừa được %1 cập nhật ở nơi khác.</source>
        <translation>%1 has just updated this dossier elsewhere.</translation>
    </message>
    <message>
        <source>Hồ sơ vừa được cập nhật ở nơi khác.</source>
        <translation>This dossier has just been updated elsewhere.</translation>
    </message>
    <message>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Lưu những gì đang gõ rồi đọc lại hồ sơ</source>
        <translation>Save what you are typing, then reload the dossier</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Hiện cả các mục không áp dụng</source>
        <translation>Also show items that do not apply</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày hết hạn</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Đủ thành phần bắt buộc:</source>
        <translation>Required documents provided:</translation>
    </message>
    <message>
        <source>[loại trực tiếp nếu thiếu]</source>
        <translation>[eliminates the product if missing]</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc: thiếu thì sản phẩm bị loại, dù điểm cao.</source>
        <translation>Mandatory document: without it the product is eliminated, whatever its score.</translation>
    </message>
    <message>
        <source>Tiêu chí liên quan: %1</source>
        <translation>Related criteria: %1</translation>
    </message>
    <message>
        <source>Đã hết hạn: cần bản còn hiệu lực.</source>
        <translation>Expired: a valid copy is needed.</translation>
    </message>
    <message>
        <source>Giấy tờ có thời hạn: nhập ngày hết hạn (dd/mm/yyyy).</source>
        <translation>Time-limited document: enter its expiry date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>%1/%2 (%3%)</source>
        <translation>%1/%2 (%3%)</translation>
    </message>
    <message>
        <source>Thiếu giấy tờ loại trực tiếp: %1</source>
        <translation>Missing mandatory (knock-out) documents: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n giấy tờ đã hết hạn.</source>
        <translation>
            <numerusform>%n document has expired.</numerusform>
            <numerusform>%n documents have expired.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã đủ các giấy tờ bắt buộc.</source>
        <translation>All required documents are provided.</translation>
    </message>
    <message>
        <source>“%1”: ngày hết hạn “%2” không hợp lệ, cần dạng dd/mm/yyyy; chưa lưu.</source>
        <translation>“%1”: the expiry date “%2” is not valid (use dd/mm/yyyy); not saved.</translation>
    </message>
</context>
<context>
    <name>ChooseFormsDialog</name>
    <message>
        <source>Chọn biểu mẫu cần in</source>
        <translation>Choose the forms to print</translation>
    </message>
    <message numerus="yes">
        <source>In các biểu mẫu sau cho %n hồ sơ đã chọn, gộp thành một tệp PDF:</source>
        <translation>
            <numerusform>Print these forms for the %n chosen dossier, combined into one PDF file:</numerusform>
            <numerusform>Print these forms for the %n chosen dossiers, combined into one PDF file:</numerusform>
        </translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <source>Xóa chữ đã gõ</source>
        <translation>Clear the text</translation>
    </message>
</context>
<context>
    <name>CommuneResultsView</name>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossier number</translation>
    </message>
    <message>
        <source>Tình trạng ở tỉnh</source>
        <translation>Status at the province</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Lý do trả lại</source>
        <translation>Reasons for return</translation>
    </message>
    <message>
        <source>%1 ngày %2, hiệu lực đến %3</source>
        <translation>%1 of %2, valid until %3</translation>
    </message>
    <message>
        <source>Việc đánh giá, phân hạng do Hội đồng cấp tỉnh thực hiện. Tại đây là tình trạng các hồ sơ xã đã gửi, cập nhật mỗi khi nhập gói kết quả của tỉnh ở trang “Đồng bộ”.</source>
        <translation>Evaluation and rating are done by the provincial council. Here is the status of the dossiers this commune sent, updated each time the province&apos;s results package is imported on the “Sync” page.</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào gửi tỉnh. Hồ sơ xã đã đánh giá (Mẫu 03) được gửi bằng “Xuất gói gửi tỉnh…” ở trang Đồng bộ.</source>
        <translation>No dossier has been sent to the province yet. Dossiers checked by the commune (Form 03) are sent with “Export package for the province…” on the Sync page.</translation>
    </message>
</context>
<context>
    <name>CompareTab</name>
    <message>
        <source>Các nội dung đã thay đổi so với hồ sơ trước (%1). Mẫu 02 của hồ sơ nâng hạng phải nêu rõ các thay đổi này.</source>
        <translation>What changed since the previous dossier (%1). Form 02 of an upgrade dossier must state these changes.</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Hồ sơ trước</source>
        <translation>Previous dossier</translation>
    </message>
    <message>
        <source>Hồ sơ này</source>
        <translation>This dossier</translation>
    </message>
    <message>
        <source>Chưa có nội dung nào thay đổi so với hồ sơ trước.</source>
        <translation>Nothing has changed since the previous dossier yet.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Xung đột: %1</source>
        <translation>Conflict: %1</translation>
    </message>
    <message>
        <source>Bản gửi đến từ &lt;b&gt;%1&lt;/b&gt; (phiên bản %2) lúc %3 không được ghi đè lên bản trên máy này (phiên bản %4).</source>
        <translation>The version from &lt;b&gt;%1&lt;/b&gt; (version %2) received on %3 did not overwrite the copy on this computer (version %4).</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Trên máy này</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Bản gửi đến</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Giữ bản trên máy</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Nhận bản gửi đến</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>“Giữ bản trên máy”: bản gửi đến được đánh dấu là đã xem, không ghi gì. “Nhận bản gửi đến”: bản gửi đến được ghi như một lần cập nhật.</source>
        <translation>“Keep mine”: the incoming version is marked as seen and nothing is written. “Take theirs”: the incoming version is applied as an update.</translation>
    </message>
    <message>
        <source>Không còn khác biệt nào (bản trên máy đã giống bản gửi đến).</source>
        <translation>No differences left (the copy on this computer already equals the incoming one).</translation>
    </message>
</context>
<context>
    <name>ConflictLabels</name>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Danh mục hồ sơ</source>
        <translation>Dossier checklist</translation>
    </message>
    <message>
        <source>Tự đánh giá (Phần III)</source>
        <translation>Self-assessment (Part III)</translation>
    </message>
    <message>
        <source>Tài liệu minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>Biểu mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Loại đăng ký</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>Mã băm bộ tiêu chí</source>
        <translation>Rule set hash</translation>
    </message>
    <message>
        <source>Bộ sản phẩm</source>
        <translation>Product set</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số phiếu tiếp nhận</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Số thứ tự phiếu</source>
        <translation>Receipt sequence no.</translation>
    </message>
    <message>
        <source>Ngày tiếp nhận</source>
        <translation>Receipt date</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Hồ sơ trước</source>
        <translation>Previous dossier</translation>
    </message>
    <message>
        <source>Giấy chứng nhận làm căn cứ</source>
        <translation>Certificate relied on</translation>
    </message>
    <message>
        <source>Lý do trả lại</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <source>Ghi chú nộp hồ sơ</source>
        <translation>Submission note</translation>
    </message>
    <message>
        <source>Ngày lưu trữ</source>
        <translation>Archived on</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Loại hình</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Chức vụ người đại diện</source>
        <translation>Representative&apos;s position</translation>
    </message>
    <message>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Nhãn hiệu</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Quy cách đóng gói</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hết hạn</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Nội dung tệp</source>
        <translation>File content</translation>
    </message>
    <message>
        <source>Tên tệp</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Mục danh mục</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Câu trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Điểm liệt</source>
        <translation>Knockout</translation>
    </message>
    <message>
        <source>Minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Ý kiến</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Tổng điểm</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Số sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Loại tệp</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ngày rút</source>
        <translation>Withdrawn on</translation>
    </message>
</context>
<context>
    <name>ConsistencyPanel</name>
    <message>
        <source>Cập nhật vào hồ sơ chủ thể…</source>
        <translation>Update the producer record…</translation>
    </message>
    <message>
        <source>Khác với hồ sơ chủ thể (bấm vào tên mục để xem):</source>
        <translation>Differs from the producer record (click a field&apos;s name to see it):</translation>
    </message>
    <message>
        <source>Hồ sơ này có thông tin của chủ thể chưa có hoặc khác trong hồ sơ chủ thể: %1.</source>
        <translation>This dossier has producer facts that the producer record lacks or holds differently: %1.</translation>
    </message>
</context>
<context>
    <name>CouncilTab</name>
    <message>
        <source>TV</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>có mặt</source>
        <translation>present</translation>
    </message>
    <message>
        <source>vắng</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>Máy chấm điểm</source>
        <translation>Scoring laptop</translation>
    </message>
    <message>
        <source>Hội đồng và quy tắc tổng hợp</source>
        <translation>Council and aggregation rules</translation>
    </message>
    <message>
        <source>Tên Hội đồng</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>Quyết định thành lập</source>
        <translation>Establishing decision</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Chênh lệch tối đa (điểm)</source>
        <translation>Maximum spread (points)</translation>
    </message>
    <message>
        <source>Tỉ lệ có mặt tối thiểu</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Xét mức tối thiểu</source>
        <translation>Star floors</translation>
    </message>
    <message>
        <source>Theo đa số thành viên</source>
        <translation>By majority of members</translation>
    </message>
    <message>
        <source>Mọi thành viên phải đạt</source>
        <translation>Every member must meet them</translation>
    </message>
    <message>
        <source>Theo điểm trung bình</source>
        <translation>By the mean points</translation>
    </message>
    <message>
        <source>Bắt buộc có Chủ tịch Hội đồng</source>
        <translation>The chair must take part</translation>
    </message>
    <message>
        <source>Đề nghị 5 sao chỉ khi đủ cả yêu cầu tối thiểu 5 sao</source>
        <translation>Propose 5★ only when every 5★ minimum is also met</translation>
    </message>
    <message>
        <source>Điều 7.3.e QĐ 26/2026: sản phẩm đạt từ 90 điểm được đề nghị Bộ công nhận 5 sao (mặc định, ô này bỏ trống); các yêu cầu tối thiểu đạt hoặc chưa đạt được ghi kèm. Đánh dấu ô này nếu tỉnh áp dụng cách hiểu chặt hơn: đủ điểm và đủ mọi yêu cầu tối thiểu đến 5 sao.</source>
        <translation>Art. 7.3.e of QĐ 26/2026: a product with 90 points or more is proposed to the ministry for 5★ (the default, box unticked); the minimums met or not are listed with it. Tick this box if the province applies the stricter reading: enough points and every minimum up to 5★ met.</translation>
    </message>
    <message>
        <source>Một mức tối thiểu (***, ****, *****) của tiêu chí được coi là đạt khi: quá nửa số thành viên đã chấm đạt (mặc định), mọi thành viên đạt, hoặc điểm trung bình đạt.</source>
        <translation>A criterion&apos;s star floor (***, ****, *****) counts as met when more than half of the members who scored met it (default), when every member met it, or when the mean points meet it.</translation>
    </message>
    <message>
        <source>Lưu cài đặt Hội đồng</source>
        <translation>Save council settings</translation>
    </message>
    <message>
        <source>Thêm thành viên…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Có mặt / vắng</source>
        <translation>Present / absent</translation>
    </message>
    <message>
        <source>Sao chép từ đợt trước</source>
        <translation>Copy from previous round</translation>
    </message>
    <message>
        <source>Ghi danh máy chấm điểm…</source>
        <translation>Enroll scoring laptop…</translation>
    </message>
    <message>
        <source>Thành viên chấm trên máy tính riêng: nhập gói ghi danh của máy đó cho thành viên đang chọn (so sánh dấu vân tay qua điện thoại).</source>
        <translation>A member scoring on their own laptop: import that laptop&apos;s enrollment package for the selected member (compare the fingerprint by phone).</translation>
    </message>
    <message>
        <source>Dấu vân tay: %1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <source>Hãy chọn thành viên chấm điểm (chủ tịch hoặc thành viên) trong bảng.</source>
        <translation>Select a scoring member (chair or member) in the table.</translation>
    </message>
    <message>
        <source>Chọn thành viên Hội đồng sẽ chấm trên máy đó trong bảng, rồi bấm “Ghi danh máy chấm điểm…”: gói “%1” đã được chọn sẵn.</source>
        <translation>Select the council member who will score on that laptop in the table, then press “Enroll scoring laptop…”: the package “%1” is already chosen.</translation>
    </message>
    <message>
        <source>Ghi danh máy chấm điểm</source>
        <translation>Enroll scoring laptop</translation>
    </message>
    <message>
        <source>Bỏ %1 khỏi Hội đồng?</source>
        <translation>Remove %1 from the council?</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Chưa có đợt nào khác để sao chép Hội đồng.</source>
        <translation>There is no other round to copy the council from.</translation>
    </message>
</context>
<context>
    <name>CriterionEvidenceDialog</name>
    <message>
        <source>Minh chứng cho tiêu chí %1</source>
        <translation>Evidence for criterion %1</translation>
    </message>
    <message>
        <source>Đánh dấu các tệp của hồ sơ chứng minh cho tiêu chí %1 (phím cách để chọn/bỏ).</source>
        <translation>Tick the dossier files that support criterion %1 (Space ticks or unticks).</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có tệp đính kèm nào. Thêm tệp ở phần minh chứng của hồ sơ.</source>
        <translation>The dossier has no attached files yet. Add files in the dossier&apos;s evidence section.</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeleteDraft</name>
    <message>
        <source>Còn ô chưa lưu được; hãy sửa hoặc bỏ trước khi xóa.</source>
        <translation>Some fields could not be saved; fix or discard them before deleting.</translation>
    </message>
    <message>
        <source>Không xóa được</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>Xóa hồ sơ nháp “%1”? Các biểu mẫu, danh mục và liên kết minh chứng của hồ sơ bị xóa theo.</source>
        <translation>Delete the draft dossier “%1”? Its forms, checklist and evidence links are deleted with it.</translation>
    </message>
    <message>
        <source>Xóa hồ sơ</source>
        <translation>Delete dossier</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <source>Đánh giá lần đầu</source>
        <translation>First evaluation</translation>
    </message>
    <message>
        <source>Nâng hạng</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Đánh giá lại</source>
        <translation>Re-evaluation</translation>
    </message>
    <message>
        <source>Đang soạn</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đủ thành phần</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Xã đã đánh giá (Mẫu 03)</source>
        <translation>Checked by the commune (Form 03)</translation>
    </message>
    <message>
        <source>Đã gửi tỉnh</source>
        <translation>Sent to the province</translation>
    </message>
    <message>
        <source>Tỉnh đã tiếp nhận</source>
        <translation>Accepted by the province</translation>
    </message>
    <message>
        <source>Tỉnh trả lại để bổ sung</source>
        <translation>Returned by the province for completion</translation>
    </message>
    <message>
        <source>Đã có quyết định</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Đã hủy (chủ thể rút)</source>
        <translation>Cancelled (withdrawn by the producer)</translation>
    </message>
    <message>
        <source>Xác nhận đủ thành phần</source>
        <translation>Confirm complete</translation>
    </message>
    <message>
        <source>Mở lại để sửa</source>
        <translation>Reopen to edit</translation>
    </message>
    <message>
        <source>Tiếp nhận và cấp số phiếu</source>
        <translation>Receive and number the receipt</translation>
    </message>
    <message>
        <source>Hoàn thành đánh giá của xã (Mẫu 03)</source>
        <translation>Finish the commune&apos;s evaluation (Form 03)</translation>
    </message>
    <message>
        <source>Gửi hồ sơ lên tỉnh</source>
        <translation>Send the dossier to the province</translation>
    </message>
    <message>
        <source>Tỉnh tiếp nhận</source>
        <translation>Province accepts</translation>
    </message>
    <message>
        <source>Tỉnh trả lại</source>
        <translation>Province returns</translation>
    </message>
    <message>
        <source>Có quyết định công nhận</source>
        <translation>Recognition decided</translation>
    </message>
    <message>
        <source>Hủy hồ sơ</source>
        <translation>Cancel the dossier</translation>
    </message>
    <message>
        <source>Ghi nhận: tỉnh đã tiếp nhận (theo văn bản giấy)</source>
        <translation>Recorded: accepted by the province (paper document)</translation>
    </message>
    <message>
        <source>Ghi nhận: tỉnh trả lại (theo văn bản giấy)</source>
        <translation>Recorded: returned by the province (paper document)</translation>
    </message>
    <message>
        <source>Ghi nhận: tỉnh đã có quyết định (theo văn bản giấy)</source>
        <translation>Recorded: decided by the province (paper document)</translation>
    </message>
    <message>
        <source>Hợp tác xã</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>Tổ hợp tác</source>
        <translation>Cooperative group</translation>
    </message>
    <message>
        <source>Doanh nghiệp nhỏ và vừa</source>
        <translation>Small or medium enterprise</translation>
    </message>
    <message>
        <source>Trang trại</source>
        <translation>Farm</translation>
    </message>
    <message>
        <source>Hộ sản xuất</source>
        <translation>Production household</translation>
    </message>
    <message>
        <source>Hộ kinh doanh có đăng ký</source>
        <translation>Registered business household</translation>
    </message>
    <message>
        <source>Hội, hiệp hội, trung tâm điều hành (chỉ du lịch)</source>
        <translation>Association or tourism management centre (tourism only)</translation>
    </message>
    <message>
        <source>Đã phân vào đợt</source>
        <translation>Assigned to the round</translation>
    </message>
    <message>
        <source>Cần chấm lại</source>
        <translation>To be re-scored</translation>
    </message>
    <message>
        <source>Đã tổng hợp điểm</source>
        <translation>Scores aggregated</translation>
    </message>
    <message>
        <source>Đã đề nghị công nhận</source>
        <translation>Proposed for recognition</translation>
    </message>
    <message>
        <source>Không đủ điều kiện công nhận</source>
        <translation>Not eligible for recognition</translation>
    </message>
    <message>
        <source>Đã có kết quả của Bộ</source>
        <translation>Ministry result recorded</translation>
    </message>
    <message>
        <source>Chủ thể đã rút hồ sơ</source>
        <translation>Withdrawn by the producer</translation>
    </message>
    <message>
        <source>Họp Hội đồng</source>
        <translation>Council meeting</translation>
    </message>
    <message>
        <source>Lấy ý kiến bằng văn bản</source>
        <translation>Written consultation</translation>
    </message>
    <message>
        <source>Chủ tịch Hội đồng</source>
        <translation>Council chair</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Báo cáo thẩm định hồ sơ</source>
        <translation>Dossier appraisal report</translation>
    </message>
    <message>
        <source>Biên bản kiểm tra thực tế</source>
        <translation>Site visit minutes</translation>
    </message>
    <message>
        <source>Kết quả kiểm nghiệm bổ sung</source>
        <translation>Additional test results</translation>
    </message>
    <message>
        <source>Ghi chú khác</source>
        <translation>Other note</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Nếu có</source>
        <translation>If any</translation>
    </message>
    <message>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Chưa có</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Đã có</source>
        <translation>Provided</translation>
    </message>
    <message>
        <source>Không nộp</source>
        <translation>Waived</translation>
    </message>
    <message>
        <source>Trong hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Chưa có chứng nhận</source>
        <translation>No certificate</translation>
    </message>
    <message>
        <source>Còn hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Đến kỳ đánh giá lại</source>
        <translation>Due for re-evaluation</translation>
    </message>
    <message>
        <source>Hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>UBND cấp xã (xã, phường, đặc khu)</source>
        <translation>Commune People&apos;s Committee (commune, ward, special zone)</translation>
    </message>
    <message>
        <source>Cơ quan OCOP cấp tỉnh</source>
        <translation>Provincial OCOP office</translation>
    </message>
    <message>
        <source>Thành viên Hội đồng / Tổ tư vấn (máy chấm điểm)</source>
        <translation>Council / advisory team member (scoring laptop)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Đã thiết lập xong</source>
        <translation>Set-up complete</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa ký của máy này. Khi gửi hồ sơ lần đầu, cơ quan nhận sẽ hỏi dãy số này qua điện thoại để chắc chắn gói đến từ đúng máy. Có thể xem lại trong Cài đặt.</source>
        <translation>The fingerprint of this machine’s signing key. When you first send dossiers, the receiving office will ask for these digits by phone to be sure the package comes from this machine. You can see it again in Settings.</translation>
    </message>
    <message>
        <source>Cơ quan: %1
Cán bộ: %2</source>
        <translation>Office: %1
Officer: %2</translation>
    </message>
    <message>
        <source>Để các máy khác của văn phòng ký được: Cài đặt › Chia sẻ khóa cho các máy…</source>
        <translation>So that the office&apos;s other desks can sign: Settings › Share the keys with the desks…</translation>
    </message>
    <message>
        <source>Máy chủ: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Đã kết nối</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Máy này đã có khóa ký của văn phòng.</source>
        <translation>This desk has the office&apos;s signing key.</translation>
    </message>
    <message>
        <source>Máy này chưa có khóa ký của văn phòng: nhận khóa trong Cài đặt khi văn phòng đã chia sẻ.</source>
        <translation>This desk does not have the office&apos;s signing key yet: install it in Settings once the office has shared it.</translation>
    </message>
</context>
<context>
    <name>DossierClosing</name>
    <message>
        <source>Lưu trữ hồ sơ “%1”? Hồ sơ không hiện trong danh sách nữa, trừ khi chọn “Hiện cả hồ sơ lưu trữ”; khôi phục được bất cứ lúc nào.</source>
        <translation>Archive the dossier “%1”? It no longer shows in the list unless “Show archived dossiers” is ticked; it can be restored at any time.</translation>
    </message>
    <message>
        <source>Lưu trữ</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Còn ô chưa lưu được; hãy sửa trước khi cập nhật.</source>
        <translation>Some fields could not be saved yet; correct them before updating.</translation>
    </message>
    <message>
        <source>Ghi vào hồ sơ chủ thể các thông tin sau của hồ sơ này?
%1
Các hồ sơ lập sau sẽ điền sẵn theo đó.</source>
        <translation>Write these facts of this dossier into the producer record?
%1
Dossiers started later will be pre-filled with them.</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>DossierEditor</name>
    <message>
        <source>Mẫu 01</source>
        <translation>Form 01</translation>
    </message>
    <message>
        <source>Mẫu 02 – Phần I</source>
        <translation>Form 02 – Part I</translation>
    </message>
    <message>
        <source>Phần II</source>
        <translation>Part II</translation>
    </message>
    <message>
        <source>Phần IV</source>
        <translation>Part IV</translation>
    </message>
    <message>
        <source>Tự đánh giá (Phần III)</source>
        <translation>Self-assessment (Part III)</translation>
    </message>
    <message>
        <source>Danh mục hồ sơ</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Tài liệu minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Mẫu 03</source>
        <translation>Form 03</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>So với hồ sơ trước</source>
        <translation>Changes since previous</translation>
    </message>
    <message>
        <source>Hồ sơ đã thay đổi ở nơi khác</source>
        <translation>The dossier changed elsewhere</translation>
    </message>
    <message>
        <source>Hồ sơ: %1 — %2</source>
        <translation>Dossier: %1 — %2</translation>
    </message>
    <message>
        <source>Chỉ xem: hồ sơ đã gửi đi, không sửa được nữa.</source>
        <translation>View only: the dossier has been sent and can no longer be changed.</translation>
    </message>
    <message>
        <source>3. Ngành, nhóm, phân nhóm: %1.  4. Loại đăng ký: %2.</source>
        <translation>3. Sector, group, sub-group: %1.  4. Registration type: %2.</translation>
    </message>
    <message>
        <source>Chỉ xem: hồ sơ đã hủy, không sửa được nữa.</source>
        <translation>Read-only: the dossier is cancelled and can no longer be edited.</translation>
    </message>
    <message numerus="yes">
        <source>… và %n vấn đề khác.</source>
        <translation>
            <numerusform>… and %n more problem.</numerusform>
            <numerusform>… and %n more problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa thể “%1”:</source>
        <translation>Cannot “%1” yet:</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ, số phiếu %1. In phiếu tiếp nhận để trao cho chủ thể?</source>
        <translation>Dossier received, slip number %1. Print the receipt slip to hand to the producer?</translation>
    </message>
    <message>
        <source>In phiếu</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Đang sửa…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>Có ô chưa lưu được (xem thông báo đỏ)</source>
        <translation>Some fields could not be saved (see the red messages)</translation>
    </message>
    <message>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <source>Đang nhập tài liệu minh chứng. Hủy việc nhập và đóng hồ sơ?</source>
        <translation>Evidence is being imported. Cancel the import and close the dossier?</translation>
    </message>
    <message>
        <source>Hủy nhập và đóng</source>
        <translation>Cancel import and close</translation>
    </message>
    <message>
        <source>Tiếp tục nhập</source>
        <translation>Keep importing</translation>
    </message>
    <message>
        <source>Các giá trị sau không hợp lệ nên chưa được lưu:
%1
Đóng và bỏ các giá trị đó?</source>
        <translation>These values are not valid and were not saved:
%1
Close and discard them?</translation>
    </message>
    <message>
        <source>Bỏ và đóng</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>Tiếp tục sửa</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>DossierHeader</name>
    <message>
        <source>Ghi nhận kết quả tỉnh gửi bằng văn bản…</source>
        <translation>Record the province&apos;s outcome received on paper…</translation>
    </message>
    <message>
        <source>Khi xã nhận văn bản giấy của tỉnh (trả lại, tiếp nhận, quyết định) trước gói kết quả.</source>
        <translation>When the commune receives the province&apos;s paper document (return, acceptance, decision) before the results package.</translation>
    </message>
    <message>
        <source>Xóa hồ sơ nháp…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>Xóa hồ sơ mở nhầm, chưa tiếp nhận và chưa gửi đi</source>
        <translation>Delete a dossier opened by mistake, not yet received or sent</translation>
    </message>
    <message>
        <source>Lưu trữ…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>Cất hồ sơ đã kết thúc khỏi danh sách; khôi phục được bất cứ lúc nào</source>
        <translation>Put a closed dossier away from the list; it can be restored at any time</translation>
    </message>
    <message>
        <source>Khôi phục từ lưu trữ</source>
        <translation>Restore from the archive</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Loại đăng ký</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>Số phiếu</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Hạn xử lý của xã</source>
        <translation>Commune deadline</translation>
    </message>
    <message>
        <source>Thời hạn nộp đánh giá lại</source>
        <translation>Re-evaluation filing window</translation>
    </message>
    <message>
        <source>Hạn đánh giá lại của tỉnh</source>
        <translation>Province&apos;s re-evaluation deadline</translation>
    </message>
    <message>
        <source>Nộp ngoài thời hạn</source>
        <translation>Filed outside the window</translation>
    </message>
    <message>
        <source>Danh mục hồ sơ:</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <source>đã lưu trữ</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>Mã băm: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>(chưa tiếp nhận)</source>
        <translation>(not received yet)</translation>
    </message>
    <message>
        <source>(dự kiến)</source>
        <translation>(estimated)</translation>
    </message>
    <message>
        <source>Lịch nghỉ lễ, Tết của năm này chưa có thông báo chính thức: hạn được tính theo quy tắc của Bộ luật Lao động. Tỉnh sẽ gửi lịch chính thức trong gói tham chiếu.</source>
        <translation>This year&apos;s public holidays are not officially announced yet: the deadline follows the Labour Code&apos;s rule. The province will send the official calendar in its reference pack.</translation>
    </message>
    <message>
        <source>Giấy chứng nhận hết hạn %1; nộp muộn thì còn hiệu lực đến khi có kết quả, không quá %2.</source>
        <translation>The certificate expires on %1; when filed late it stays valid until the result, no later than %2.</translation>
    </message>
    <message>
        <source>%1 ngày từ ngày tỉnh nhận đủ hồ sơ</source>
        <translation>%1 days from the province&apos;s receipt of the complete dossier</translation>
    </message>
    <message>
        <source>%1/%2 giấy tờ bắt buộc</source>
        <translation>%1/%2 required documents</translation>
    </message>
    <message>
        <source>thiếu giấy tờ loại trực tiếp</source>
        <translation>mandatory (knock-out) documents missing</translation>
    </message>
</context>
<context>
    <name>DossierPrintPanel</name>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Loại đăng ký</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số phiếu</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào. Hồ sơ lập ở trang “Hồ sơ” sẽ hiện ở đây.</source>
        <translation>No dossiers yet. Dossiers created on the “Dossiers” page appear here.</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Chọn tất cả đang hiện</source>
        <translation>Select all shown</translation>
    </message>
    <message>
        <source>In hồ sơ đã chọn…</source>
        <translation>Print selected dossiers…</translation>
    </message>
    <message>
        <source>Chọn biểu mẫu, in các hồ sơ đã chọn thành một tệp PDF và xem trước</source>
        <translation>Choose the forms, print the selected dossiers into one PDF file and preview it</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đang in %n hồ sơ…</source>
        <translation>
            <numerusform>Printing %n dossier…</numerusform>
            <numerusform>Printing %n dossiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Một số biểu mẫu chưa in được và đã được bỏ qua:</source>
        <translation>Some forms could not be printed yet and were skipped:</translation>
    </message>
</context>
<context>
    <name>DossierSession</name>
    <message>
        <source>Hồ sơ đã được tải lại.</source>
        <translation>The dossier has been reloaded.</translation>
    </message>
    <message>
        <source>Những gì bạn vừa gõ chưa được lưu (hãy nhập lại):</source>
        <translation>What you just typed was not saved (please enter it again):</translation>
    </message>
</context>
<context>
    <name>DossierSummary</name>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Bộ sản phẩm</source>
        <translation>Product set</translation>
    </message>
    <message>
        <source>Loại đăng ký</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>%1 điểm, %2 sao (%3 tiêu chí đã tự chấm)</source>
        <translation>%1 points, %2 stars (%3 criteria self-scored)</translation>
    </message>
    <message>
        <source>Không có trong gói</source>
        <translation>Not in the package</translation>
    </message>
    <message>
        <source>Chủ thể tự chấm</source>
        <translation>Producer&apos;s self-assessment</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>(dự kiến)</source>
        <translation>(estimated)</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Loại đăng ký</source>
        <translation>Registration type</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hồ sơ đã lưu trữ</source>
        <translation>Archived dossier</translation>
    </message>
    <message>
        <source>Số phiếu</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Tìm theo tên sản phẩm, chủ thể, mã sản phẩm… (gõ không dấu cũng được)</source>
        <translation>Search by product, producer, product code… (diacritics optional)</translation>
    </message>
    <message>
        <source>Lập hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Mở hồ sơ đang chọn (Enter)</source>
        <translation>Open the selected dossier (Enter)</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào. Bấm “Lập hồ sơ mới” (Ctrl+N) để bắt đầu.</source>
        <translation>No dossiers yet. Press “New dossier” (Ctrl+N) to start.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào khớp điều kiện lọc.</source>
        <translation>No dossier matches the filter.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hồ sơ</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Sắp đến hạn / quá hạn</source>
        <translation>Due soon / overdue</translation>
    </message>
    <message>
        <source>Hiện cả hồ sơ lưu trữ</source>
        <translation>Show archived dossiers</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc từ các năm trước và đã được lưu trữ (mở hồ sơ để khôi phục)</source>
        <translation>Dossiers closed in earlier years and archived (open one to restore it)</translation>
    </message>
    <message>
        <source>Chỉ hiện hồ sơ đã tiếp nhận mà hạn xử lý (%1 ngày làm việc từ ngày tiếp nhận) chỉ còn %2 ngày trở xuống hoặc đã qua</source>
        <translation>Only received dossiers whose deadline (%1 working days from receipt) is %2 days away or less, or has passed</translation>
    </message>
</context>
<context>
    <name>EnrollmentDoneDialog</name>
    <message>
        <source>Gói đăng ký máy chấm</source>
        <translation>Scoring laptop enrollment package</translation>
    </message>
    <message>
        <source>Đã lưu gói đăng ký vào:</source>
        <translation>Enrollment package saved to:</translation>
    </message>
    <message>
        <source>Gửi gói này cho cơ quan OCOP cấp tỉnh. Khi cán bộ tỉnh nhập gói, hãy gọi điện và đọc cho họ dấu vân tay dưới đây; họ phải thấy đúng dãy số này:</source>
        <translation>Send this package to the provincial OCOP office. When the province officer imports it, phone them and read out the fingerprint below; they must see exactly these digits:</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>EvaluationDialogs</name>
    <message>
        <source>%1: “%2” không phải ngày hợp lệ (dd/mm/yyyy).</source>
        <translation>%1: “%2” is not a valid date (dd/mm/yyyy).</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>(chưa có đợt nào)</source>
        <translation>(no round yet)</translation>
    </message>
    <message>
        <source>Đánh giá, phân hạng sản phẩm OCOP</source>
        <translation>OCOP product evaluation and rating</translation>
    </message>
    <message>
        <source>Kết quả đánh giá của tỉnh</source>
        <translation>The province&apos;s evaluation results</translation>
    </message>
    <message>
        <source>Đợt đang làm việc:</source>
        <translation>Current round:</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Hồ sơ đến</source>
        <translation>Incoming dossiers</translation>
    </message>
    <message>
        <source>Đợt đánh giá</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Hội đồng</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Chấm điểm</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Results</translation>
    </message>
</context>
<context>
    <name>EvaluationPrinting</name>
    <message>
        <source>Bảng tổng hợp điểm của Hội đồng</source>
        <translation>Council score matrix</translation>
    </message>
    <message>
        <source>Danh sách sản phẩm được công nhận</source>
        <translation>List of recognised products</translation>
    </message>
    <message>
        <source>Dự thảo giấy chứng nhận</source>
        <translation>Certificate drafts</translation>
    </message>
    <message>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
</context>
<context>
    <name>EvaluationStyle</name>
    <message>
        <source>Đã rút hồ sơ ngày %1</source>
        <translation>Dossier withdrawn on %1</translation>
    </message>
    <message>
        <source>Chủ thể đã rút hồ sơ ở xã; hồ sơ không còn được chấm, tổng hợp, xếp hạng hay xét công nhận. Phiếu chấm đã nhập được giữ để lưu.</source>
        <translation>The producer withdrew the dossier at the commune; it is no longer scored, aggregated, ranked or considered for recognition. Scoring sheets already entered are kept for the record.</translation>
    </message>
    <message>
        <source>Lý do: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Phiếu</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Điểm TB</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Chênh lệch</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Đề nghị Bộ công nhận 5 sao; Hội đồng cấp tỉnh: %1 sao; %2</source>
        <translation>Proposed to the ministry for 5★; provincial council: %1★; %2</translation>
    </message>
    <message>
        <source>Chưa đạt: %1</source>
        <translation>Not met: %1</translation>
    </message>
    <message>
        <source>Đạt đủ</source>
        <translation>All met</translation>
    </message>
    <message>
        <source>Chờ kết quả của Bộ</source>
        <translation>Awaiting the ministry&apos;s result</translation>
    </message>
    <message>
        <source>Bộ công nhận 5★ (%1 điểm)</source>
        <translation>Ministry recognised 5★ (%1 points)</translation>
    </message>
    <message>
        <source>%1 (%2 điểm): tỉnh công nhận</source>
        <translation>%1 (%2 points): recognised by the province</translation>
    </message>
    <message>
        <source>Không công nhận (%1 điểm)</source>
        <translation>Not recognised (%1 points)</translation>
    </message>
    <message>
        <source>Sao HĐ tỉnh</source>
        <translation>Provincial council ★</translation>
    </message>
    <message>
        <source>Yêu cầu tối thiểu đến 5★</source>
        <translation>Minimums up to 5★</translation>
    </message>
    <message>
        <source>Kết quả của Bộ</source>
        <translation>Ministry&apos;s result</translation>
    </message>
</context>
<context>
    <name>EvaluatorLaptops</name>
    <message>
        <source>Ghi danh máy chấm điểm cho %1 %2</source>
        <translation>Enroll the scoring laptop of %1 %2</translation>
    </message>
    <message>
        <source>Từ nay nhận phiếu chấm của %1 %2 từ máy “%3” (dấu vân tay %4).</source>
        <translation>Score sheets of %1 %2 are now accepted from “%3” (fingerprint %4).</translation>
    </message>
    <message>
        <source>Đã ghi danh</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>%1 chưa ghi danh máy chấm điểm. Gói phân công mang hồ sơ và tệp minh chứng (số CCCD, giấy tờ của chủ thể), nên chỉ được xuất khi đã mã hóa cho máy của thành viên.
Hãy ghi danh máy trước (thẻ “Hội đồng”, “Ghi danh máy chấm điểm…”), rồi xuất gói.</source>
        <translation>%1 has not enrolled a scoring laptop. The assignment carries dossiers and evidence files (ID numbers, the producer&apos;s papers), so it can only be exported encrypted to the member&apos;s laptop.
Enrol the laptop first (tab “Council”, “Enrol scoring laptop…”), then export.</translation>
    </message>
    <message>
        <source>Xuất gói phân công chấm điểm %1 cho %2?
Gói được mã hóa cho máy chấm điểm đã ghi danh của thành viên này (dấu vân tay %3): chỉ máy đó mở được.</source>
        <translation>Export the scoring assignment %1 for %2?
The package is encrypted to this member&apos;s enrolled scoring laptop (fingerprint %3): only that laptop can open it.</translation>
    </message>
    <message>
        <source>Xuất gói…</source>
        <translation>Export package…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang xuất gói phân công chấm điểm…</source>
        <translation>Exporting the scoring assignment…</translation>
    </message>
    <message>
        <source>mã hóa cho máy đã ghi danh</source>
        <translation>encrypted for the enrolled laptop</translation>
    </message>
    <message>
        <source>KHÔNG mã hóa (thành viên chưa ghi danh máy)</source>
        <translation>NOT encrypted (the member has no enrolled laptop)</translation>
    </message>
    <message>
        <source>Đã ghi gói phân công của %1 %2: %3 hồ sơ, %4 tệp minh chứng; %5.
%6</source>
        <translation>Assignment package of %1 %2 written: %3 dossiers, %4 evidence files; %5.
%6</translation>
    </message>
    <message>
        <source>Đã xuất gói</source>
        <translation>Package exported</translation>
    </message>
</context>
<context>
    <name>EvaluatorWorkspace</name>
    <message>
        <source>Máy chấm điểm của thành viên Hội đồng</source>
        <translation>Council member&apos;s scoring computer</translation>
    </message>
    <message>
        <source>Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh</source>
        <translation>Provincial OCOP evaluation and rating council</translation>
    </message>
    <message>
        <source>đã chấm xong %1/%2 hồ sơ</source>
        <translation>%1/%2 dossiers fully scored</translation>
    </message>
    <message>
        <source>Bộ %1</source>
        <translation>Set %1</translation>
    </message>
    <message>
        <source>đã gửi tỉnh</source>
        <translation>sent to the province</translation>
    </message>
    <message>
        <source>chấm xong, chưa gửi</source>
        <translation>complete, not sent yet</translation>
    </message>
    <message>
        <source>%1 hồ sơ: %2 chấm xong, %3 chưa xong; %4 phiếu chấm xong chưa gửi tỉnh.</source>
        <translation>%1 dossiers: %2 complete, %3 not complete; %4 complete sheets not sent to the province yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n sao</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
    <message>
        <source>tạm</source>
        <translation>so far</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ ở danh sách bên trái.</source>
        <translation>Choose a dossier in the list on the left.</translation>
    </message>
    <message>
        <source>Không mở được tệp: %1</source>
        <translation>Cannot open the file: %1</translation>
    </message>
    <message>
        <source>Máy này không có ứng dụng để mở tệp “%1”.</source>
        <translation>This computer has no application to open “%1”.</translation>
    </message>
    <message>
        <source>Lưu gói đăng ký máy chấm</source>
        <translation>Save enrollment package</translation>
    </message>
    <message>
        <source>Đang xuất gói đăng ký…</source>
        <translation>Exporting enrollment package…</translation>
    </message>
    <message>
        <source>Chọn gói phân công chấm điểm</source>
        <translation>Choose the scoring assignment package</translation>
    </message>
    <message>
        <source>Đang kiểm tra gói phân công…</source>
        <translation>Checking the assignment package…</translation>
    </message>
    <message>
        <source>Đang nhập gói phân công…</source>
        <translation>Importing the assignment package…</translation>
    </message>
    <message>
        <source>Đã nhập gói phân công: %1 hồ sơ của %2.</source>
        <translation>Assignment imported: %1 dossiers of %2.</translation>
    </message>
    <message>
        <source>Chưa có gói phân công nào trên máy này.</source>
        <translation>There is no assignment package on this computer yet.</translation>
    </message>
    <message>
        <source>Chưa có phiếu nào chấm đủ mọi tiêu chí, nên chưa có gì để gửi tỉnh.</source>
        <translation>No sheet has every criterion scored yet, so there is nothing to send to the province.</translation>
    </message>
    <message>
        <source>%1 phiếu đã chấm đủ sẽ được gửi. %2 phiếu chưa chấm đủ mọi tiêu chí và sẽ KHÔNG được gửi:</source>
        <translation>%1 complete sheets will be sent. %2 sheets do not have every criterion scored and will NOT be sent:</translation>
    </message>
    <message>
        <source>Vẫn xuất gói phiếu chấm?</source>
        <translation>Export the score sheets anyway?</translation>
    </message>
    <message>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Chấm tiếp</source>
        <translation>Keep scoring</translation>
    </message>
    <message>
        <source>Còn phiếu chưa chấm xong</source>
        <translation>Some sheets are not complete</translation>
    </message>
    <message>
        <source>Lưu gói phiếu chấm</source>
        <translation>Save score sheets package</translation>
    </message>
    <message>
        <source>Đang xuất gói phiếu chấm…</source>
        <translation>Exporting score sheets…</translation>
    </message>
    <message>
        <source>Đã xuất %1 phiếu chấm vào:
%2

Gửi tệp này cho cơ quan OCOP tỉnh.</source>
        <translation>%1 score sheets exported to:
%2

Send this file to the provincial OCOP office.</translation>
    </message>
</context>
<context>
    <name>EvidenceLinkDialog</name>
    <message>
        <source>Liên kết tệp “%1”</source>
        <translation>Link file “%1”</translation>
    </message>
    <message>
        <source>— Không gắn với mục nào —</source>
        <translation>— Not linked to an item —</translation>
    </message>
    <message>
        <source>Lưu liên kết</source>
        <translation>Save link</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mục trong danh mục hồ sơ:</source>
        <translation>Checklist item:</translation>
    </message>
    <message>
        <source>Tiêu chí được chứng minh (phím cách để chọn/bỏ):</source>
        <translation>Criteria this file supports (Space to tick/untick):</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Cỡ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Tiêu chí</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Mở bằng ứng dụng của máy</source>
        <translation>Open with the system viewer</translation>
    </message>
    <message>
        <source>Xem trước PDF</source>
        <translation>Preview PDF</translation>
    </message>
    <message>
        <source>Hồ sơ này không có tệp minh chứng.</source>
        <translation>This dossier has no evidence files.</translation>
    </message>
    <message>
        <source>Tệp minh chứng chỉ để xem: mở ra là một bản sao, tệp gốc không bị thay đổi.</source>
        <translation>Evidence files are view only: a copy is opened, the original is never changed.</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Thêm thư mục…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Liên kết…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Gỡ khỏi hồ sơ</source>
        <translation>Remove from dossier</translation>
    </message>
    <message>
        <source>Hủy nhập</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Gắn với mục:</source>
        <translation>Attach to item:</translation>
    </message>
    <message>
        <source>Kéo thả tệp hoặc cả thư mục vào đây. Nhận PDF, JPEG, PNG, TIFF; PDF có mật khẩu không được nhận.</source>
        <translation>Drag and drop files or whole folders here. PDF, JPEG, PNG and TIFF are accepted; password-protected PDFs are not.</translation>
    </message>
    <message>
        <source>— chưa gắn với mục nào —</source>
        <translation>— not attached to an item —</translation>
    </message>
    <message numerus="yes">
        <source>%n tệp</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>tổng dung lượng %1</source>
        <translation>total size %1</translation>
    </message>
    <message>
        <source>Tài liệu minh chứng (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Tất cả tệp (*)</source>
        <translation>Evidence (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>Chọn tài liệu minh chứng</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>Chọn thư mục tài liệu</source>
        <translation>Choose a folder of documents</translation>
    </message>
    <message>
        <source>Đang nhập tệp khác; hãy đợi xong rồi thêm tiếp.</source>
        <translation>Other files are being imported; wait until they are done.</translation>
    </message>
    <message>
        <source>Không có tệp PDF, JPEG, PNG hay TIFF nào để thêm.</source>
        <translation>There is no PDF, JPEG, PNG or TIFF file to add.</translation>
    </message>
    <message numerus="yes">
        <source>Đang kiểm tra %n tệp…</source>
        <translation>
            <numerusform>Checking %n file…</numerusform>
            <numerusform>Checking %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <source>Đã thêm %n tệp.</source>
        <translation>
            <numerusform>Added %n file.</numerusform>
            <numerusform>Added %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bỏ qua %n tệp không phải PDF/ảnh: </source>
        <translation>
            <numerusform>Skipped %n file that is not a PDF or image: </numerusform>
            <numerusform>Skipped %n files that are not PDFs or images: </numerusform>
        </translation>
    </message>
    <message>
        <source>(Không có tệp nào được thêm.)</source>
        <translation>(No file was added.)</translation>
    </message>
    <message>
        <source>Đã hủy; không có tệp nào được thêm.</source>
        <translation>Cancelled; no file was added.</translation>
    </message>
    <message>
        <source>tệp không còn trong kho tài liệu trên máy này (có thể đã bị xóa bằng tay)</source>
        <translation>the file is no longer in this computer&apos;s document store (it may have been deleted by hand)</translation>
    </message>
    <message>
        <source>máy không cho đọc tệp hoặc ghi bản xem vào thư mục tạm</source>
        <translation>the computer does not allow reading the file or writing the viewing copy to the temporary folder</translation>
    </message>
    <message>
        <source>lỗi đọc ghi tệp</source>
        <translation>a file read/write error</translation>
    </message>
    <message>
        <source>Không mở được tệp “%1”: %2.</source>
        <translation>Cannot open the file “%1”: %2.</translation>
    </message>
    <message>
        <source>Máy chưa có chương trình xem tệp “%1”.</source>
        <translation>This computer has no program to view “%1”.</translation>
    </message>
    <message>
        <source>Gỡ tệp “%1” khỏi hồ sơ?</source>
        <translation>Remove “%1” from the dossier?</translation>
    </message>
    <message>
        <source>Gỡ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>EvidenceTable</name>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Mục danh mục</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Tiêu chí</source>
        <translation>Criteria</translation>
    </message>
</context>
<context>
    <name>ExpiryPanel</name>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Còn (ngày)</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Nộp đánh giá lại</source>
        <translation>Re-evaluation filing</translation>
    </message>
    <message>
        <source>Hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <source>đã có</source>
        <translation>filed</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>%1 (gia hạn, tối đa %2)</source>
        <translation>%1 (extended, at most %2)</translation>
    </message>
    <message>
        <source>Hết hạn trong vòng (ngày):</source>
        <translation>Expiring within (days):</translation>
    </message>
    <message>
        <source>Cả giấy đã hết hạn</source>
        <translation>Include expired</translation>
    </message>
    <message>
        <source>Thu hồi…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>%1 sắp hết hạn, %2 đã hết hạn</source>
        <translation>%1 expiring, %2 expired</translation>
    </message>
    <message>
        <source>Thu hồi giấy chứng nhận</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>Thu hồi giấy chứng nhận %1 sao của “%2” (quyết định %3).</source>
        <translation>Revoke the %1-star certificate of “%2” (decision %3).</translation>
    </message>
    <message>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Xuất kết quả gửi xã</source>
        <translation>Export results for a commune</translation>
    </message>
    <message>
        <source>Xuất gói gửi tỉnh</source>
        <translation>Export package for the province</translation>
    </message>
    <message>
        <source>Gói mang kết quả (tiếp nhận, trả lại kèm lý do, quyết định và giấy chứng nhận) của các hồ sơ mà xã chưa xác nhận đã nhận.</source>
        <translation>The package carries the results (accepted, returned with reasons, decisions and certificates) of the dossiers the commune has not confirmed yet.</translation>
    </message>
    <message>
        <source>Gói mang toàn bộ hồ sơ (biểu mẫu, phiếu tự đánh giá, tài liệu minh chứng mà tỉnh chưa có). Hồ sơ xã đã đánh giá sẽ chuyển sang “Đã gửi tỉnh”.</source>
        <translation>The package carries whole dossiers (forms, self-assessment, the evidence files the province does not have yet). Dossiers checked by the commune become “Sent to the province”.</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Trạng thái hồ sơ</source>
        <translation>Dossier status</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>Chọn nơi lưu gói…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Gửi cho xã:</source>
        <translation>For commune:</translation>
    </message>
    <message>
        <source>Mọi hồ sơ bên nhận chưa xác nhận (%1 hồ sơ)</source>
        <translation>Every dossier the recipient has not confirmed (%1 dossiers)</translation>
    </message>
    <message>
        <source>Chỉ các hồ sơ được đánh dấu trong bảng</source>
        <translation>Only the dossiers ticked in the table</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Đã sửa sau lần gửi gần nhất</source>
        <translation>Changed since last sent</translation>
    </message>
    <message>
        <source>Đã gửi, chưa có biên nhận</source>
        <translation>Sent, no receipt yet</translation>
    </message>
    <message>
        <source>Tỉnh đã nhận</source>
        <translation>Received by the province</translation>
    </message>
    <message>
        <source>Tỉnh đã nhận (đang chờ xem xét xung đột)</source>
        <translation>Received by the province (conflict under review)</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào cần gửi: mọi hồ sơ đã được bên nhận xác nhận.</source>
        <translation>Nothing to send: the recipient has confirmed every dossier.</translation>
    </message>
    <message>
        <source>Hãy đánh dấu ít nhất một hồ sơ.</source>
        <translation>Tick at least one dossier.</translation>
    </message>
</context>
<context>
    <name>FetchKeysDialog</name>
    <message>
        <source>Khóa của văn phòng</source>
        <translation>Office keys</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FetchKeysForm</name>
    <message>
        <source>Văn phòng đã chia sẻ khóa ký cho các máy. Nhập mật khẩu khóa của văn phòng (do cán bộ quản trị đặt) để máy này ký được biên nhận, kết quả và gói gửi đi.</source>
        <translation>The office has shared its signing keys with the desks. Enter the office key passphrase (set by the administrator) so that this desk can sign receipts, results and outgoing packages.</translation>
    </message>
    <message>
        <source>Nhận khóa</source>
        <translation>Install keys</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu khóa của văn phòng.</source>
        <translation>Enter the office key passphrase.</translation>
    </message>
    <message>
        <source>Đã nhận khóa. Dấu vân tay khóa ký: %1</source>
        <translation>Keys installed. Signing key fingerprint: %1</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>— Chọn —</source>
        <translation>— Choose —</translation>
    </message>
    <message>
        <source>Ngày dạng dd/mm/yyyy, chỉ cần gõ các chữ số</source>
        <translation>A date as dd/mm/yyyy: type the digits only</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Sản phẩm OCOP còn hiệu lực</source>
        <translation>Valid OCOP products</translation>
    </message>
    <message>
        <source>Độ phủ theo xã/phường</source>
        <translation>Coverage by commune</translation>
    </message>
    <message>
        <source>Giấy chứng nhận sắp hết hạn, đã hết hạn</source>
        <translation>Certificates expiring and expired</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái và theo đợt</source>
        <translation>Dossiers by status and round</translation>
    </message>
    <message>
        <source>Tỷ lệ công nhận theo đợt</source>
        <translation>Recognition rate by round</translation>
    </message>
    <message>
        <source>Nâng hạng</source>
        <translation>Upgrades</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại và lý do</source>
        <translation>Returned dossiers and reasons</translation>
    </message>
    <message>
        <source>Quá hạn đánh giá cấp xã</source>
        <translation>Overdue commune checks</translation>
    </message>
    <message>
        <source>So sánh qua các năm</source>
        <translation>Year against year</translation>
    </message>
    <message>
        <source>Chỉ tiêu và kết quả thực hiện</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <source>Danh mục sản phẩm OCOP (xúc tiến thương mại)</source>
        <translation>Catalogue of OCOP products (trade promotion)</translation>
    </message>
    <message>
        <source>Báo cáo:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <source>Số liệu đến ngày:</source>
        <translation>Figures as of:</translation>
    </message>
    <message>
        <source>Xem số liệu</source>
        <translation>Show figures</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>Xuất CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Báo cáo một bảng (danh mục sản phẩm) dạng CSV, UTF-8</source>
        <translation>A one-table report (the product catalogue) as CSV, UTF-8</translation>
    </message>
    <message>
        <source>Biểu đồ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Đang tính số liệu…</source>
        <translation>Computing figures…</translation>
    </message>
    <message>
        <source>Chọn báo cáo và ngày, rồi bấm “Xem số liệu”.</source>
        <translation>Choose a report and a date, then click “Show figures”.</translation>
    </message>
    <message>
        <source>{title} — {scope}. Số liệu đến ngày {day}.</source>
        <translation>{title} — {scope}. Figures as of {day}.</translation>
    </message>
    <message>
        <source>Đã lưu: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</source>
        <translation>Saved: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Đang ghi báo cáo…</source>
        <translation>Writing the report…</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Thiết lập OCOP Desktop</source>
        <translation>Set up OCOP Desktop</translation>
    </message>
    <message>
        <source>Tiếp tục &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Bắt đầu làm việc</source>
        <translation>Start working</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu và khóa của cơ quan từ bản sao lưu. OCOP Desktop sẽ đóng lại; hãy mở lại để làm việc tiếp.</source>
        <translation>The office&apos;s data and keys were restored from the backup. OCOP Desktop will close; open it again to continue.</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Thiết lập cơ quan và cán bộ trên máy này</source>
        <translation>Set up the office and officer on this computer</translation>
    </message>
    <message>
        <source>Làm khi mở phần mềm lần đầu</source>
        <translation>Done when the app is first opened</translation>
    </message>
    <message>
        <source>Xuất gói đăng ký gửi tỉnh, đọc dấu vân tay qua điện thoại</source>
        <translation>Export the enrollment pack for the province, read the fingerprint out by phone</translation>
    </message>
    <message>
        <source>Đồng bộ → Xuất gói đăng ký…</source>
        <translation>Sync → Export enrollment pack…</translation>
    </message>
    <message>
        <source>Nhập gói tham chiếu của tỉnh (tin cậy tỉnh)</source>
        <translation>Import the province&apos;s reference pack (trust the province)</translation>
    </message>
    <message>
        <source>Đồng bộ → Nhập gói…, gõ dấu vân tay tỉnh đọc cho bạn</source>
        <translation>Sync → Import package…, type the fingerprint the province reads out</translation>
    </message>
    <message>
        <source>Nhập gói đăng ký của một xã (tin cậy xã)</source>
        <translation>Import a commune&apos;s enrollment pack (trust the commune)</translation>
    </message>
    <message>
        <source>Đồng bộ → Nhập gói…, rồi Xuất gói tham chiếu… gửi lại xã</source>
        <translation>Sync → Import package…, then Export reference pack… back to the commune</translation>
    </message>
    <message>
        <source>Thêm chủ thể đầu tiên</source>
        <translation>Add the first producer</translation>
    </message>
    <message>
        <source>Trang Chủ thể → Thêm chủ thể (Ctrl+N)</source>
        <translation>Producers page → Add producer (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tạo hồ sơ đầu tiên</source>
        <translation>Create the first dossier</translation>
    </message>
    <message>
        <source>Trang Hồ sơ</source>
        <translation>Dossiers page</translation>
    </message>
    <message>
        <source>Gửi gói hồ sơ đầu tiên lên tỉnh</source>
        <translation>Send the first dossier package to the province</translation>
    </message>
    <message>
        <source>Cửa sổ hồ sơ → Gửi hồ sơ lên tỉnh</source>
        <translation>Dossier window → Send the dossier to the province</translation>
    </message>
    <message>
        <source>Nhập gói kết quả đầu tiên của tỉnh</source>
        <translation>Import the province&apos;s first results package</translation>
    </message>
    <message>
        <source>Đồng bộ → Nhập gói…</source>
        <translation>Sync → Import package…</translation>
    </message>
    <message>
        <source>Nhập gói hồ sơ đầu tiên của xã</source>
        <translation>Import a commune&apos;s first dossier package</translation>
    </message>
    <message>
        <source>Tạo đợt đánh giá đầu tiên</source>
        <translation>Create the first evaluation round</translation>
    </message>
    <message>
        <source>Đánh giá → Đợt đánh giá</source>
        <translation>Evaluation → Rounds</translation>
    </message>
    <message>
        <source>Thêm thành viên hội đồng</source>
        <translation>Add council members</translation>
    </message>
    <message>
        <source>Đánh giá → Hội đồng</source>
        <translation>Evaluation → Council</translation>
    </message>
    <message>
        <source>Lập quyết định công nhận đầu tiên</source>
        <translation>Issue the first recognition decision</translation>
    </message>
    <message>
        <source>Đánh giá → Kết quả</source>
        <translation>Evaluation → Results</translation>
    </message>
    <message>
        <source>Gửi gói kết quả đầu tiên cho xã</source>
        <translation>Send the first results package to a commune</translation>
    </message>
    <message>
        <source>Đồng bộ → Xuất kết quả gửi xã…</source>
        <translation>Sync → Export results for the communes…</translation>
    </message>
    <message>
        <source>Nhập phiếu phân công của tỉnh</source>
        <translation>Import the province&apos;s assignment</translation>
    </message>
    <message>
        <source>Chấm phiếu đầu tiên</source>
        <translation>Score the first sheet</translation>
    </message>
    <message>
        <source>Trang Đánh giá</source>
        <translation>Evaluation page</translation>
    </message>
    <message>
        <source>Gửi gói phiếu chấm cho tỉnh</source>
        <translation>Send the score sheets to the province</translation>
    </message>
    <message>
        <source>Trang Đánh giá → Xuất phiếu chấm</source>
        <translation>Evaluation page → Export score sheets</translation>
    </message>
    <message>
        <source>Các bước đầu tiên của xã/phường</source>
        <translation>First steps of a commune</translation>
    </message>
    <message>
        <source>Các bước đầu tiên của tỉnh</source>
        <translation>First steps of a province</translation>
    </message>
    <message>
        <source>Các bước đầu tiên của thành viên hội đồng</source>
        <translation>First steps of a council member</translation>
    </message>
</context>
<context>
    <name>FirstStepsDialog</name>
    <message>
        <source>Các bước đầu tiên</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>đã xong %1/%2</source>
        <translation>%1/%2 done</translation>
    </message>
    <message>
        <source>Xem hướng dẫn</source>
        <translation>Read the guide</translation>
    </message>
    <message>
        <source>Các bước tự đánh dấu khi dữ liệu trên máy cho thấy đã làm xong.</source>
        <translation>Steps tick themselves when the data on this computer shows they are done.</translation>
    </message>
</context>
<context>
    <name>FiveStarPanel</name>
    <message>
        <source>Ghi kết quả của Bộ…</source>
        <translation>Record the ministry&apos;s result…</translation>
    </message>
    <message>
        <source>Sản phẩm đạt từ %1 điểm được đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao (Điều 7.3.e QĐ 26/2026), kèm các yêu cầu tối thiểu đạt hoặc chưa đạt; đợt có thể chọn cách hiểu chặt hơn (đủ cả yêu cầu tối thiểu 5 sao) ở thẻ Hội đồng. Khi có kết quả của Bộ: 5 sao — ghi giấy chứng nhận của Bộ; 3, 4 sao — tỉnh công nhận trong quyết định của tỉnh (Điều 7.4).</source>
        <translation>Products with %1 points or more are proposed to the Ministry of Agriculture and Environment for 5★ evaluation and recognition (Art. 7.3.e of QĐ 26/2026), with the minimums met or not; a round may choose the stricter reading (every 5★ minimum met) on the Council tab. When the ministry&apos;s result arrives: 5★ — record the ministry&apos;s certificate; 3★, 4★ — the province recognises it in its own decision (Art. 7.4).</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chưa lưu được: hãy sửa các ô có thông báo màu đỏ.</source>
        <translation>Not saved: please correct the fields with a red message.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Hướng dẫn sử dụng — %1</source>
        <translation>User guide — %1</translation>
    </message>
    <message>
        <source>%1 trang có “%2”</source>
        <translation>%1 pages with “%2”</translation>
    </message>
    <message>
        <source>Không trang nào có “%1”. Thử gõ ít chữ hơn.</source>
        <translation>No page has “%1”. Try fewer words.</translation>
    </message>
    <message>
        <source>Tìm trong hướng dẫn (gõ không dấu cũng được)</source>
        <translation>Search the guide (diacritics optional)</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Mọi thay đổi của hồ sơ (nhật ký thay đổi)</source>
        <translation>Every change to the dossier (change log)</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Trạng thái mới</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Xem tất cả…</source>
        <translation>See all…</translation>
    </message>
    <message numerus="yes">
        <source>… và %n mục khác</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Quá hạn đánh giá cấp xã</source>
        <translation>Commune check overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn đánh giá cấp xã</source>
        <translation>Commune check due soon</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại, chờ bổ sung</source>
        <translation>Dossiers returned, awaiting supplements</translation>
    </message>
    <message>
        <source>Hồ sơ xã gửi lên, chờ tỉnh tiếp nhận</source>
        <translation>Dossiers sent by communes, awaiting acceptance</translation>
    </message>
    <message>
        <source>Giấy chứng nhận đến kỳ đánh giá lại</source>
        <translation>Certificates due for re-evaluation</translation>
    </message>
    <message>
        <source>Giấy chứng nhận đã hết hiệu lực, chưa có giấy mới</source>
        <translation>Certificates expired with no new one</translation>
    </message>
    <message>
        <source>Hồ sơ chưa gửi đi (từ 7 ngày trở lên)</source>
        <translation>Dossiers not sent (7 days or more)</translation>
    </message>
    <message>
        <source>Gói đã gửi, chưa có biên nhận</source>
        <translation>Packages sent, no receipt yet</translation>
    </message>
    <message numerus="yes">
        <source>quá hạn %n ngày (%1)</source>
        <translation>
            <numerusform>%n day overdue (%1)</numerusform>
            <numerusform>%n days overdue (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>hạn %1 (còn %n ngày)</source>
        <translation>
            <numerusform>due %1 (%n day left)</numerusform>
            <numerusform>due %1 (%n days left)</numerusform>
        </translation>
    </message>
    <message>
        <source>hạn nộp hồ sơ %1</source>
        <translation>file by %1</translation>
    </message>
    <message>
        <source>hết hạn %1</source>
        <translation>expired %1</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Đếm lại (F5)</source>
        <translation>Count again (F5)</translation>
    </message>
    <message>
        <source>Cần chú ý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Số liệu năm %1</source>
        <translation>Figures of %1</translation>
    </message>
    <message>
        <source>Kế hoạch năm…</source>
        <translation>Year plan…</translation>
    </message>
    <message>
        <source>Không có việc nào cần chú ý lúc này.</source>
        <translation>Nothing needs attention right now.</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Số liệu ngày %1</source>
        <translation>Figures as of %1</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Đang kiểm tra chữ ký và các tệp trong gói…</source>
        <translation>Checking the signature and the files of the package…</translation>
    </message>
    <message>
        <source>Gắn máy với thành viên tại: %1</source>
        <translation>Link the laptop to the member at: %1</translation>
    </message>
    <message>
        <source>Mở trang Hội đồng</source>
        <translation>Open the Council tab</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gói ghi danh của máy chấm điểm</source>
        <translation>Enrollment package of a scoring laptop</translation>
    </message>
    <message>
        <source>Đang nhập gói…</source>
        <translation>Importing the package…</translation>
    </message>
    <message>
        <source>Đã hủy nhập gói; không có gì thay đổi.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Lưu biên nhận để gửi lại cho %1 (USB, thư điện tử)?</source>
        <translation>Save the receipt to send back to %1 (USB stick, e-mail)?</translation>
    </message>
    <message>
        <source>Lưu biên nhận…</source>
        <translation>Save receipt…</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Đã nhập gói</source>
        <translation>Package imported</translation>
    </message>
    <message>
        <source>Gói này đã được nhập trước đây: không có gì thay đổi.</source>
        <translation>This package was imported before: nothing changed.</translation>
    </message>
    <message>
        <source>Đã ghi nhận biên nhận của %1.</source>
        <translation>Receipt from %1 recorded.</translation>
    </message>
    <message>
        <source>Đã thay khóa của “%1”: khóa cũ %2 không còn được tin cậy; từ nay tin cậy khóa %3.</source>
        <translation>Key of “%1” replaced: the old key %2 is no longer trusted; from now on the key %3 is trusted.</translation>
    </message>
    <message>
        <source>Đã nhập gói “%1”. Từ nay tin cậy: %2.</source>
        <translation>Package “%1” imported. Now trusted: %2.</translation>
    </message>
    <message>
        <source>Đã nhập %1 hồ sơ: %2 mới, %3 cập nhật, %4 không đổi, %5 cũ hơn (bỏ qua).</source>
        <translation>%1 dossiers imported: %2 new, %3 updated, %4 unchanged, %5 stale (ignored).</translation>
    </message>
    <message>
        <source>Tệp đính kèm: %1 tệp mới, %2 tệp máy này đã có.</source>
        <translation>Attachments: %1 new files, %2 already on this computer.</translation>
    </message>
    <message>
        <source>%1 hồ sơ xung đột đang chờ xem xét ở thẻ “Xung đột”.</source>
        <translation>%1 conflicting dossiers wait for review on the “Conflicts” tab.</translation>
    </message>
    <message>
        <source>Đã cài %1 tệp tham chiếu.</source>
        <translation>%1 reference files installed.</translation>
    </message>
    <message>
        <source>Không ghi được biên nhận vào “%1”: %2</source>
        <translation>Could not write the receipt to “%1”: %2</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Đã có phiếu chấm</source>
        <translation>Sheet recorded</translation>
    </message>
    <message>
        <source>Xem trước khi nhập gói</source>
        <translation>Preview before importing</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; từ &lt;b&gt;%2&lt;/b&gt; (mã đơn vị %3) — gói số %4, gửi cho %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;%2&lt;/b&gt; (unit code %3) — package no. %4, for %5.</translation>
    </message>
    <message>
        <source>Chữ ký số và mã kiểm tra SHA-256 của cả %1 tệp trong gói đều đúng.</source>
        <translation>The signature and the SHA-256 checksums of all %1 files in the package are correct.</translation>
    </message>
    <message>
        <source>Gói được ký bằng chính khóa nó mang theo; cơ quan gửi chưa được tin cậy trên máy này.</source>
        <translation>The package is signed with the key it carries; the sending office is not trusted on this computer yet.</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân được mã hóa.</source>
        <translation>Personal data is encrypted.</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Bản gửi đến</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Bản trên máy</source>
        <translation>Local version</translation>
    </message>
    <message>
        <source>Trạng thái sau khi nhập</source>
        <translation>Status after import</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Cũ hơn (bỏ qua)</source>
        <translation>Stale (ignored)</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicting</translation>
    </message>
    <message>
        <source>%1 hồ sơ: </source>
        <translation>%1 dossiers: </translation>
    </message>
    <message>
        <source>Tệp đính kèm: %1 tệp mới, %2 tệp máy này đã có (%3).</source>
        <translation>Attachments: %1 new files, %2 already on this computer (%3).</translation>
    </message>
    <message>
        <source>Biên nhận này xác nhận gói mà máy này đã gửi; các hồ sơ trong đó sẽ được đánh dấu là bên nhận đã nhận.</source>
        <translation>This receipt confirms a package this computer sent; its dossiers will be marked as received by the other office.</translation>
    </message>
    <message>
        <source>Cơ quan: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>Tệp tham chiếu: %1</source>
        <translation>Reference file: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cơ quan này chưa được tin cậy.&lt;/b&gt; Hãy gọi điện cho cơ quan gửi, đề nghị họ đọc dấu vân tay khóa trong mục “Khóa của cơ quan” ở trang Đồng bộ, và so sánh với 30 chữ số dưới đây. Chỉ áp dụng khi mọi chữ số khớp.</source>
        <translation>&lt;b&gt;This office is not trusted yet.&lt;/b&gt; Call the sending office, ask them to read out the key fingerprint under “Office key” on their Sync page, and compare it with the 30 digits below. Apply only when every digit matches.</translation>
    </message>
    <message>
        <source>Tôi đã so sánh qua điện thoại: cả 30 chữ số đều khớp</source>
        <translation>I compared by phone: all 30 digits match</translation>
    </message>
    <message>
        <source>Cấp lại biên nhận</source>
        <translation>Issue the receipt again</translation>
    </message>
    <message>
        <source>Tôi đã gọi điện cho “%1”: cả 30 chữ số của khóa MỚI đều khớp</source>
        <translation>I phoned “%1”: all 30 digits of the NEW key match</translation>
    </message>
    <message>
        <source>Thay khóa</source>
        <translation>Replace key</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ngày gửi</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Tự chấm</source>
        <translation>Self-score</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đợt</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Hạn đánh giá lại</source>
        <translation>Re-evaluation deadline</translation>
    </message>
    <message>
        <source>Hạn tổ chức đánh giá lại, tính từ ngày tỉnh tiếp nhận hồ sơ (điểm g khoản 6 Điều 7 QĐ 26/2026/QĐ-TTg).</source>
        <translation>Deadline for the re-evaluation, counted from the province&apos;s acceptance of the dossier (Art. 7.6.g of QĐ 26/2026/QĐ-TTg).</translation>
    </message>
    <message>
        <source>Chờ tiếp nhận</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Đã trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Chủ thể đã rút</source>
        <translation>Withdrawn by the producer</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Hiện:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>&amp;Xem hồ sơ</source>
        <translation>&amp;View dossier</translation>
    </message>
    <message>
        <source>Mở hồ sơ để xem (chỉ đọc) — Enter hoặc nhấp đúp vào dòng</source>
        <translation>Open the dossier to read it (read-only) — Enter or double-click the row</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Trả lại xã…</source>
        <translation>Return to commune…</translation>
    </message>
    <message>
        <source>Đang tiếp nhận hồ sơ…</source>
        <translation>Accepting dossiers…</translation>
    </message>
    <message>
        <source>Trả lại hồ sơ</source>
        <translation>Return dossier</translation>
    </message>
    <message>
        <source>Hồ sơ “%1” của %2 được trả lại để xã bổ sung, sửa đổi. Lý do được gửi về xã trong gói kết quả.</source>
        <translation>Dossier “%1” of %2 goes back to the commune for correction. The reasons travel to the commune in the results package.</translation>
    </message>
    <message>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Làm việc cùng văn phòng trên máy chủ</source>
        <translation>Work with the office on the server</translation>
    </message>
    <message>
        <source>Kết nối</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Chưa có tên bạn? Cán bộ quản trị thêm cán bộ trong Cài đặt › Quản lý cán bộ trên một máy đã kết nối; sau đó bấm “Quay lại” rồi “Kiểm tra kết nối”.</source>
        <translation>Your name is not listed? The administrator adds officers in Settings › Manage officers on a desk that is already connected; then press “Back” and then “Test connection”.</translation>
    </message>
    <message>
        <source>Cán bộ sử dụng máy này</source>
        <translation>Officer using this desk</translation>
    </message>
    <message>
        <source>Văn phòng “%1” đã được thiết lập trên máy chủ bởi một máy khác. Máy này làm việc cùng.</source>
        <translation>The office “%1” was set up on the server by another desk. This desk joins it.</translation>
    </message>
</context>
<context>
    <name>KeyChangePanel</name>
    <message>
        <source>Thay khóa của “%1” — không phải cơ quan mới.</source>
        <translation>Key change of “%1” — not a new office.</translation>
    </message>
    <message>
        <source>Máy này đã tin cậy “%1” với một khóa khác. Chỉ áp dụng khi cơ quan đó xác nhận qua điện thoại là đã thay khóa (máy bị mất, cài lại) hoặc đổi tên; nếu không, đây có thể là gói giả mạo: hãy hủy.</source>
        <translation>This computer already trusts “%1” with another key. Apply only when that office confirms by phone that it replaced its key (lost or reinstalled computer) or changed its name; otherwise this may be a forged package: cancel.</translation>
    </message>
    <message>
        <source>Dấu vân tay cũ, gõ để xác nhận thay khóa</source>
        <translation>Old fingerprint, typed to confirm the key change</translation>
    </message>
    <message>
        <source>Dấu vân tay cũ (thôi được tin cậy):</source>
        <translation>Old fingerprint (no longer trusted):</translation>
    </message>
    <message>
        <source>Dấu vân tay mới (so sánh qua điện thoại):</source>
        <translation>New fingerprint (compare by phone):</translation>
    </message>
    <message>
        <source>Khác nhau:</source>
        <translation>Differences:</translation>
    </message>
    <message>
        <source>&amp;Gõ dấu vân tay CŨ để xác nhận thay khóa:</source>
        <translation>&amp;Type the OLD fingerprint to confirm the key change:</translation>
    </message>
    <message>
        <source>Đúng dấu vân tay cũ.</source>
        <translation>The old fingerprint matches.</translation>
    </message>
    <message>
        <source>Chưa khớp dấu vân tay cũ.</source>
        <translation>Does not match the old fingerprint yet.</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Khóa của văn phòng</source>
        <translation>Office keys</translation>
    </message>
    <message>
        <source>Máy này chưa có khóa ký của văn phòng. Có thể nhận sau trong Cài đặt › Khóa dùng chung của các máy trong văn phòng.</source>
        <translation>This desk does not have the office&apos;s signing keys yet. They can be installed later in Settings › Office keys shared by the desks.</translation>
    </message>
    <message>
        <source>Để sau &gt;</source>
        <translation>Later &gt;</translation>
    </message>
    <message>
        <source>Tiếp tục &gt;</source>
        <translation>Next &gt;</translation>
    </message>
</context>
<context>
    <name>MailboxIndicator</name>
    <message>
        <source>Hộp thư: đang gửi/nhận %1%</source>
        <translation>Mailbox: sending/fetching %1%</translation>
    </message>
    <message>
        <source>Hộp thư: đang gửi/nhận</source>
        <translation>Mailbox: sending/fetching</translation>
    </message>
    <message>
        <source>Hộp thư: không kết nối được</source>
        <translation>Mailbox: unreachable</translation>
    </message>
    <message>
        <source>Hộp thư: kết nối được</source>
        <translation>Mailbox: reachable</translation>
    </message>
    <message>
        <source>Hộp thư: chưa thử kết nối</source>
        <translation>Mailbox: not tested yet</translation>
    </message>
    <message>
        <source>%1 chờ gửi · %2 chờ biên nhận</source>
        <translation>%1 to send · %2 awaiting receipt</translation>
    </message>
</context>
<context>
    <name>MailboxOfficesBox</name>
    <message>
        <source>Chưa có xã hoặc máy chấm điểm nào được tin cậy.</source>
        <translation>No commune or evaluator laptop is trusted yet.</translation>
    </message>
    <message>
        <source>Hãy nhập cả mã truy cập và khóa bí mật cấp cho cơ quan này.</source>
        <translation>Type both the access key and the secret key given to this office.</translation>
    </message>
    <message>
        <source>Đã lưu (mã hóa trên máy này). Gói dữ liệu tham chiếu (với máy chấm điểm: gói phân công) xuất sau đây sẽ mang theo, mã hóa cho riêng cơ quan đó.</source>
        <translation>Saved (encrypted on this PC). The next reference pack (for an evaluator laptop: the assignment package) carries it, encrypted for that office alone.</translation>
    </message>
    <message>
        <source>Mã truy cập hộp thư cấp cho các cơ quan</source>
        <translation>Mailbox access keys given to the offices</translation>
    </message>
    <message>
        <source>Mỗi xã, mỗi máy chấm điểm nên có mã truy cập riêng do bộ phận CNTT tạo trên máy chủ hộp thư. Tỉnh gửi mã kèm gói dữ liệu tham chiếu (máy chấm điểm: gói phân công), mã hóa cho riêng cơ quan nhận; cơ quan nhập gói là dùng được hộp thư, không phải gõ lại.</source>
        <translation>Each commune and each evaluator laptop should have its own access key, created by IT on the mailbox server. The province sends it with the reference pack (evaluator laptops: the assignment package), encrypted for the receiving office alone; importing the pack sets up the mailbox with nothing to type.</translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Mã truy cập (access key):</source>
        <translation>Access key:</translation>
    </message>
    <message>
        <source>Khóa bí mật (secret key):</source>
        <translation>Secret key:</translation>
    </message>
    <message>
        <source>Lưu cho cơ quan này</source>
        <translation>Save for this office</translation>
    </message>
    <message>
        <source>Bỏ mã của cơ quan này</source>
        <translation>Remove this office&apos;s key</translation>
    </message>
    <message>
        <source>Đã cấp mã: %1</source>
        <translation>Keys given: %1</translation>
    </message>
    <message>
        <source>chưa cơ quan nào</source>
        <translation>no office yet</translation>
    </message>
</context>
<context>
    <name>MailboxSettingsBox</name>
    <message>
        <source>Đang thử kết nối tới hộp thư…</source>
        <translation>Testing the connection to the mailbox…</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Kết nối được: hộp thư trả lời và nhận mã truy cập này.</source>
        <translation>Connected: the mailbox answers and accepts this access key.</translation>
    </message>
    <message>
        <source>Đã lưu cấu hình hộp thư (mã hóa trên máy này). Máy sẽ tự gửi các gói đang chờ.</source>
        <translation>Mailbox settings saved (encrypted on this machine). Waiting packages will be sent automatically.</translation>
    </message>
    <message>
        <source>Hộp thư tỉnh (S3)</source>
        <translation>Province mailbox (S3)</translation>
    </message>
    <message>
        <source>Địa chỉ và khóa truy cập hộp thư do bộ phận CNTT của tỉnh cấp. Khi có kết nối, máy tự gửi các gói đã xuất và tự nhận biên nhận, kết quả từ tỉnh.</source>
        <translation>The mailbox address and access keys are issued by the province&apos;s IT department. When connected, this machine sends exported packages and receives receipts and results from the province automatically.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Thùng chứa (bucket):</source>
        <translation>Bucket:</translation>
    </message>
    <message>
        <source>Mã truy cập (access key):</source>
        <translation>Access key:</translation>
    </message>
    <message>
        <source>Khóa bí mật (secret key):</source>
        <translation>Secret key:</translation>
    </message>
    <message>
        <source>(đã lưu — để trống để giữ nguyên)</source>
        <translation>(saved — leave empty to keep it)</translation>
    </message>
    <message>
        <source>khóa bí mật tỉnh cấp</source>
        <translation>secret key issued by the province</translation>
    </message>
    <message>
        <source>Cho phép http (chỉ máy chủ trong mạng nội bộ của tỉnh)</source>
        <translation>Allow http (only for a server on the province&apos;s own network)</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Mã truy cập của các cơ quan…</source>
        <translation>Offices&apos; access keys…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Đang mở dữ liệu…</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <source>Đổi cán bộ đang làm việc</source>
        <translation>Switch the officer at work</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Các bước đầu tiên</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Trung vị</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Chênh từ nửa số điểm tối đa trở lên so với trung vị (%1) của tiêu chí %2.</source>
        <translation>Differs by half the maximum or more from the median (%1) of criterion %2.</translation>
    </message>
    <message>
        <source>Tổng điểm</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>TB %1</source>
        <translation>Mean %1</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <source>Tổng hợp cả đợt</source>
        <translation>Aggregate the whole round</translation>
    </message>
    <message>
        <source>Tổng hợp hồ sơ này</source>
        <translation>Aggregate this dossier</translation>
    </message>
    <message>
        <source>Yêu cầu chấm lại…</source>
        <translation>Request re-score…</translation>
    </message>
    <message>
        <source>In bảng tổng hợp…</source>
        <translation>Print matrix…</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ để xem bảng điểm của Hội đồng.</source>
        <translation>Select a dossier to see the council&apos;s scores.</translation>
    </message>
    <message>
        <source>%1 ô chênh nhiều so với trung vị (tô đỏ): %2</source>
        <translation>%1 cells far from the median (in red): %2</translation>
    </message>
    <message>
        <source>Chưa có phiếu chấm nào của thành viên.</source>
        <translation>No member has scored yet.</translation>
    </message>
    <message>
        <source>Điểm trung bình theo các phiếu đã nhập: %1</source>
        <translation>Mean score from the sheets entered: %1</translation>
    </message>
    <message>
        <source>Số phiếu: %1/%2 thành viên</source>
        <translation>Sheets: %1/%2 members</translation>
    </message>
    <message>
        <source>bị loại</source>
        <translation>eliminated</translation>
    </message>
    <message>
        <source>không đủ tỉ lệ</source>
        <translation>no quorum</translation>
    </message>
    <message>
        <source>Điểm trung bình: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Mean score: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Chênh lệch: &lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; (tối đa %3)</source>
        <translation>Spread: &lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt; (max %3)</translation>
    </message>
    <message>
        <source>Số phiếu: %1/%2 thành viên, %3</source>
        <translation>Sheets: %1/%2 members, %3</translation>
    </message>
    <message>
        <source>đủ tỉ lệ</source>
        <translation>quorum met</translation>
    </message>
    <message>
        <source>Hạng đề xuất: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Proposed stars: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(chưa hợp lệ)</source>
        <translation>(not valid yet)</translation>
    </message>
    <message>
        <source>Đang tổng hợp điểm của cả đợt…</source>
        <translation>Aggregating the whole round…</translation>
    </message>
    <message>
        <source>Đã tổng hợp %1 hồ sơ (%2 cần chấm lại).</source>
        <translation>%1 dossiers aggregated (%2 need a re-score).</translation>
    </message>
    <message>
        <source>Chưa tổng hợp được %1 hồ sơ:</source>
        <translation>%1 dossiers could not be aggregated:</translation>
    </message>
    <message>
        <source>Yêu cầu chấm lại</source>
        <translation>Request re-score</translation>
    </message>
    <message>
        <source>Các thành viên sửa phiếu của “%1”, thư ký nhập lại phiếu, rồi tổng hợp lại.</source>
        <translation>The members revise their sheets for “%1”, the secretary types them again, then aggregate again.</translation>
    </message>
</context>
<context>
    <name>Mau03Tab</name>
    <message>
        <source>Chèn vào đánh giá lao động</source>
        <translation>Insert into the labour assessment</translation>
    </message>
    <message>
        <source>Lấy mô tả nguyên liệu từ Mẫu 02</source>
        <translation>Take the raw-material description from Form 02</translation>
    </message>
    <message>
        <source>I. Thông tin hồ sơ (từ Mẫu 02)</source>
        <translation>I. Dossier information (from Form 02)</translation>
    </message>
    <message>
        <source>Gợi ý từ số liệu</source>
        <translation>Suggestions from the figures</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Loại hình</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Thường trú</source>
        <translation>Permanent address</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Nhập tổng số lao động và số lao động địa phương để tính tỷ lệ.</source>
        <translation>Enter the total and the local workers to compute the share.</translation>
    </message>
    <message>
        <source>Lao động địa phương: %1/%2 người, chiếm %3%.</source>
        <translation>Local workers: %1 of %2 people, %3%.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Sửa thành viên Hội đồng</source>
        <translation>Edit council member</translation>
    </message>
    <message>
        <source>Thêm thành viên Hội đồng</source>
        <translation>Add council member</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>MergeProducersDialog</name>
    <message>
        <source>Gộp chủ thể trùng</source>
        <translation>Merge duplicate producer</translation>
    </message>
    <message>
        <source>Giữ lại: &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Chọn chủ thể nhập trùng (cùng xã/phường). Sản phẩm của chủ thể đó sẽ chuyển sang chủ thể giữ lại, các ô còn trống được điền từ chủ thể đó, rồi chủ thể trùng bị xóa.</source>
        <translation>Keep: &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Choose the producer entered twice (same commune). Its products move to the producer kept, empty fields are filled from it, then the duplicate is deleted.</translation>
    </message>
    <message>
        <source>Gõ tên, người đại diện hoặc mã số thuế của chủ thể trùng…</source>
        <translation>Type the name, representative or tax code of the duplicate…</translation>
    </message>
    <message>
        <source>Gộp</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Gộp “%1” (%2 sản phẩm) vào “%3”? Chủ thể “%1” sẽ bị xóa.</source>
        <translation>Merge “%1” (%2 products) into “%3”? “%1” will be deleted.</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>MinistryResultDialog</name>
    <message>
        <source>Ghi kết quả của Bộ</source>
        <translation>Record the ministry&apos;s result</translation>
    </message>
    <message>
        <source>Ghi kết quả</source>
        <translation>Record result</translation>
    </message>
    <message>
        <source>“%1” — Hội đồng cấp tỉnh: %2 điểm, %3 sao; yêu cầu tối thiểu đến 5 sao: %4.</source>
        <translation>“%1” — provincial council: %2 points, %3★; minimums up to 5★: %4.</translation>
    </message>
    <message>
        <source>chưa đạt %1</source>
        <translation>not met %1</translation>
    </message>
    <message>
        <source>đạt đủ</source>
        <translation>all met</translation>
    </message>
    <message>
        <source>5 sao — Bộ công nhận, cấp giấy chứng nhận</source>
        <translation>5★ — recognised by the ministry, certificate issued</translation>
    </message>
    <message>
        <source>4 sao — tỉnh công nhận theo kết quả trung ương</source>
        <translation>4★ — recognised by the province from the central result</translation>
    </message>
    <message>
        <source>3 sao — tỉnh công nhận theo kết quả trung ương</source>
        <translation>3★ — recognised by the province from the central result</translation>
    </message>
    <message>
        <source>Không công nhận</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>Số quyết định / văn bản</source>
        <translation>Decision / document number</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Điểm Hội đồng trung ương</source>
        <translation>Central council points</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Cần ngày của quyết định (dd/mm/yyyy).</source>
        <translation>The decision&apos;s date is needed (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Điểm “%1” không phải một số (ví dụ 87 hoặc 87,5).</source>
        <translation>Points “%1” is not a number (e.g. 87 or 87.5).</translation>
    </message>
    <message>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Bộ công nhận 5 sao; giấy chứng nhận của Bộ được ghi cho sản phẩm.</source>
        <translation>The ministry recognises 5★; the ministry&apos;s certificate is recorded for the product.</translation>
    </message>
    <message>
        <source>Hội đồng trung ương đánh giá 4 sao; tỉnh công nhận 4 sao bằng quyết định của tỉnh.</source>
        <translation>The central council rated 4★; the province recognises 4★ in its own decision.</translation>
    </message>
    <message>
        <source>Hội đồng trung ương đánh giá 3 sao; tỉnh công nhận 3 sao bằng quyết định của tỉnh.</source>
        <translation>The central council rated 3★; the province recognises 3★ in its own decision.</translation>
    </message>
    <message>
        <source>Bộ không công nhận; sản phẩm không được công nhận ở đợt này.</source>
        <translation>The ministry does not recognise it; the product is not recognised in this round.</translation>
    </message>
    <message>
        <source>Ghi kết quả của Bộ cho “%1”: văn bản số %2 ngày %3, %4 điểm?
%5

Sau khi ghi, đề nghị 5 sao được đóng lại.</source>
        <translation>Record the ministry&apos;s result for “%1”: document %2 of %3, %4 points?
%5

Once recorded, the 5★ proposal is closed.</translation>
    </message>
</context>
<context>
    <name>NewDossierDialog</name>
    <message>
        <source>Lập hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <source>Sản phẩm *</source>
        <translation>Product *</translation>
    </message>
    <message>
        <source>Gõ tên, mã sản phẩm hoặc tên chủ thể, có dấu hoặc không</source>
        <translation>Type a product name or code or a producer name, with or without diacritics</translation>
    </message>
    <message>
        <source>Loại đăng ký *</source>
        <translation>Registration type *</translation>
    </message>
    <message>
        <source>Nâng hạng và đánh giá lại cần giấy chứng nhận OCOP còn hiệu lực của sản phẩm; hồ sơ mới được chép nội dung từ hồ sơ đã được công nhận.</source>
        <translation>An upgrade or re-evaluation needs a valid OCOP certificate for the product; the new dossier starts from the recognised dossier.</translation>
    </message>
    <message>
        <source>Lý do nộp ngoài thời hạn *</source>
        <translation>Reason for filing outside the window *</translation>
    </message>
    <message>
        <source>Ví dụ: chủ thể không nộp kịp; tỉnh đề nghị đánh giá sớm</source>
        <translation>E.g. the producer could not file in time; the province asked for an early evaluation</translation>
    </message>
    <message>
        <source>Lập hồ sơ</source>
        <translation>Create dossier</translation>
    </message>
    <message>
        <source>Hãy chọn sản phẩm cần lập hồ sơ.</source>
        <translation>Choose the product for the dossier.</translation>
    </message>
    <message>
        <source>Sản phẩm này đã có hồ sơ chưa có quyết định:
%1

Thường chỉ cần mở hồ sơ đó (trang “Hồ sơ”). Vẫn lập thêm một hồ sơ mới?</source>
        <translation>This product already has a dossier without a decision:
%1

Usually you only need to open that dossier (page “Dossiers”). Create another new dossier anyway?</translation>
    </message>
    <message>
        <source>Vẫn lập hồ sơ mới</source>
        <translation>Create a new dossier anyway</translation>
    </message>
    <message>
        <source>Không lập</source>
        <translation>Don&apos;t create</translation>
    </message>
</context>
<context>
    <name>NoticeMarker</name>
    <message>
        <source>✎ Đã hiệu chỉnh so với văn bản in</source>
        <translation>✎ Corrected from the printed text</translation>
    </message>
    <message>
        <source>⚑ Giá trị nghi vấn</source>
        <translation>⚑ Doubtful value</translation>
    </message>
    <message>
        <source>%1 (di chuột để xem giải thích)</source>
        <translation>%1 (hover for the explanation)</translation>
    </message>
    <message>
        <source>Đã hiệu chỉnh</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Giá trị nghi vấn</source>
        <translation>Doubtful value</translation>
    </message>
    <message>
        <source>%1 (bộ %2, %3): %4</source>
        <translation>%1 (set %2, %3): %4</translation>
    </message>
</context>
<context>
    <name>OfficeKeysBox</name>
    <message>
        <source>Xong. Dấu vân tay khóa ký: %1</source>
        <translation>Done. Signing key fingerprint: %1</translation>
    </message>
    <message>
        <source>Khóa dùng chung của các máy trong văn phòng</source>
        <translation>Office keys shared by the desks</translation>
    </message>
    <message>
        <source>Chia sẻ khóa cho các máy…</source>
        <translation>Share the keys with the desks…</translation>
    </message>
    <message>
        <source>Nhận khóa của văn phòng…</source>
        <translation>Install the office keys…</translation>
    </message>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Máy này chưa có khóa của cơ quan: chưa ký được biên nhận, kết quả. Bấm “Nhận khóa…”.</source>
        <translation>This desk has no office keys yet: it cannot sign receipts or results. Click “Install the office keys…”.</translation>
    </message>
    <message>
        <source>Máy này chưa có khóa và chưa có khóa dùng chung: máy đã có khóa cần chia sẻ trước.</source>
        <translation>This desk has no keys and none are shared yet: the desk that has them must share them first.</translation>
    </message>
    <message>
        <source>Máy này có khóa của cơ quan; khóa đã được chia sẻ cho các máy.</source>
        <translation>This desk has the office keys; they are shared with the desks.</translation>
    </message>
    <message>
        <source>Máy này có khóa của cơ quan; chưa chia sẻ cho các máy khác.</source>
        <translation>This desk has the office keys; they are not shared with other desks yet.</translation>
    </message>
</context>
<context>
    <name>OfficerButton</name>
    <message>
        <source>Đổi cán bộ đang làm việc</source>
        <translation>Switch the officer at work</translation>
    </message>
    <message>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
</context>
<context>
    <name>OfficerChooser</name>
    <message>
        <source>Cán bộ đang làm việc</source>
        <translation>Officer at work</translation>
    </message>
    <message>
        <source>Mọi thao tác từ giờ được ghi nhận với tên cán bộ được chọn.</source>
        <translation>From now on every action is recorded under the officer chosen.</translation>
    </message>
    <message>
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Mã PIN cho biết ai đang dùng máy chung; đây không phải là biện pháp bảo mật dữ liệu.</source>
        <translation>The PIN tells who is using a shared PC; it does not protect the data.</translation>
    </message>
</context>
<context>
    <name>OfficerPage</name>
    <message>
        <source>Cán bộ sử dụng máy</source>
        <translation>Officer using this machine</translation>
    </message>
    <message>
        <source>Mỗi thao tác được ghi lại kèm tên người thực hiện.</source>
        <translation>Every action is recorded with the name of the person who did it.</translation>
    </message>
    <message>
        <source>Thiết lập</source>
        <translation>Set up</translation>
    </message>
    <message>
        <source>Họ và tên, ví dụ: Nguyễn Văn An</source>
        <translation>Full name, e.g. Nguyễn Văn An</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>4–12 chữ số, để trống nếu không dùng</source>
        <translation>4–12 digits, leave empty for none</translation>
    </message>
    <message>
        <source>Họ tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Thêm cán bộ</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <source>Đổi tên</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Đặt / bỏ mã PIN</source>
        <translation>Set / clear PIN</translation>
    </message>
    <message>
        <source>Mỗi thao tác được ghi nhận với cán bộ đang làm việc. Mã PIN giúp biết ai dùng máy chung (trách nhiệm), không bảo vệ dữ liệu khỏi người dùng chung tài khoản Windows.</source>
        <translation>Every action is recorded with the officer at work. A PIN tells who uses a shared PC (accountability); it does not protect the data from people sharing the Windows account.</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>đã ngừng</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>Kích hoạt lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Ngừng làm việc</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Bỏ quyền quản trị</source>
        <translation>Remove administrator</translation>
    </message>
    <message>
        <source>Giao quyền quản trị</source>
        <translation>Make administrator</translation>
    </message>
</context>
<context>
    <name>OutboxTab</name>
    <message>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Đang gửi %1%</source>
        <translation>Sending %1%</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Đã có biên nhận</source>
        <translation>Receipt received</translation>
    </message>
    <message>
        <source>Lỗi: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Gói</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Xếp hàng lúc</source>
        <translation>Queued at</translation>
    </message>
    <message>
        <source>Lên hộp thư lúc</source>
        <translation>Uploaded at</translation>
    </message>
    <message>
        <source>Lỗi gần nhất</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Đã tạm dừng gửi.</source>
        <translation>Sending paused.</translation>
    </message>
    <message>
        <source>Đang đọc hàng đợi…</source>
        <translation>Reading the queue…</translation>
    </message>
    <message>
        <source>%1 gói chờ gửi, %2 gói chờ biên nhận.</source>
        <translation>%1 packages waiting to be sent, %2 waiting for a receipt.</translation>
    </message>
    <message>
        <source>Chưa cấu hình hộp thư của tỉnh (trang Cài đặt). Các gói xuất ra vẫn được xếp hàng ở đây và sẽ tự gửi khi có hộp thư; vẫn có thể gửi tệp bằng USB hoặc thư điện tử.</source>
        <translation>The province mailbox is not configured (Settings page). Exported packages are still queued here and will be sent by themselves once a mailbox is set; files can still go by USB or e-mail.</translation>
    </message>
    <message>
        <source>Hộp thư: %1, thùng “%2”.</source>
        <translation>Mailbox: %1, bucket “%2”.</translation>
    </message>
    <message>
        <source>Gửi ngay</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Lấy gói về</source>
        <translation>Fetch packages</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producers</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PaperOutcomeDialog</name>
    <message>
        <source>Ghi nhận kết quả tỉnh gửi bằng văn bản</source>
        <translation>Record the province&apos;s outcome received on paper</translation>
    </message>
    <message>
        <source>Hồ sơ “%1” — đang “%2”</source>
        <translation>Dossier “%1” — now “%2”</translation>
    </message>
    <message>
        <source>Chỉ dùng khi xã đã nhận văn bản giấy của tỉnh (công văn, quyết định) mà chưa có gói kết quả. Việc ghi nhận chỉ lưu trên máy này, ghi vào lịch sử hồ sơ với tên của bạn; nó không gửi lên tỉnh và không thay cho gói kết quả: khi gói kết quả của tỉnh đến, gói đó vẫn được nhập như thường lệ (trang Đồng bộ).</source>
        <translation>Use only when the commune has the province&apos;s paper document (official letter, decision) but no results package yet. The record stays on this computer, in the dossier&apos;s history under your name; it is not sent to the province and does not replace the results package: when the province&apos;s results package arrives it is imported as usual (Sync page).</translation>
    </message>
    <message>
        <source>Tỉnh trả lại hồ sơ để bổ sung</source>
        <translation>The province returned the dossier for completion</translation>
    </message>
    <message>
        <source>Tỉnh tiếp nhận hồ sơ</source>
        <translation>The province accepted the dossier</translation>
    </message>
    <message>
        <source>Tỉnh có quyết định công nhận</source>
        <translation>The province decided on recognition</translation>
    </message>
    <message>
        <source>ví dụ: 125/SNNMT-PTNT</source>
        <translation>e.g. 125/SNNMT-PTNT</translation>
    </message>
    <message>
        <source>họ tên, chức vụ</source>
        <translation>full name, position</translation>
    </message>
    <message>
        <source>Bưu điện (công văn giấy)</source>
        <translation>Post (paper letter)</translation>
    </message>
    <message>
        <source>Nhận trực tiếp tại tỉnh</source>
        <translation>Collected in person at the province</translation>
    </message>
    <message>
        <source>Văn thư UBND xã chuyển</source>
        <translation>Passed on by the commune&apos;s clerical office</translation>
    </message>
    <message>
        <source>Bản chụp gửi qua e-mail</source>
        <translation>Scanned copy by e-mail</translation>
    </message>
    <message>
        <source>văn bản đến xã bằng cách nào</source>
        <translation>how the document reached the commune</translation>
    </message>
    <message>
        <source>Kết quả trong văn bản</source>
        <translation>Outcome in the document</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Ngày văn bản</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Văn bản đến xã qua</source>
        <translation>Document reached the commune by</translation>
    </message>
    <message>
        <source>Ghi nhận…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lý do trả lại (như trong văn bản)</source>
        <translation>Reasons for the return (as in the document)</translation>
    </message>
    <message>
        <source>Nội dung chính (không bắt buộc)</source>
        <translation>Main content (optional)</translation>
    </message>
    <message>
        <source>Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.</source>
        <translation>The date “%1” is not valid; use dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Ghi nhận hồ sơ “%1”: %2, theo văn bản số %3 ngày %4 do %5 ký (nhận qua: %6)?

Hồ sơ sẽ chuyển sang “%7”. Việc ghi nhận được lưu vào lịch sử hồ sơ với tên của bạn, chỉ trên máy này.</source>
        <translation>Record for dossier “%1”: %2, per document no. %3 of %4 signed by %5 (received by: %6)?

The dossier will become “%7”. The record is kept in the dossier&apos;s history under your name, on this computer only.</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Mật khẩu khóa của văn phòng</source>
        <translation>Office key passphrase</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Ít nhất 12 ký tự. Chỉ cán bộ các máy trong văn phòng được biết; máy chủ chỉ giữ bản đã niêm phong. Ai biết mật khẩu và đọc được cơ sở dữ liệu thì dùng được khóa.</source>
        <translation>At least 12 characters. Only the officers of the office&apos;s desks should know it; the server only keeps the sealed keys. Whoever knows the passphrase and can read the database can use the keys.</translation>
    </message>
    <message>
        <source>Nhập lại:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Mật khẩu do cán bộ quản trị đặt khi chia sẻ khóa.</source>
        <translation>The passphrase the administrator set when sharing the keys.</translation>
    </message>
</context>
<context>
    <name>PickTable</name>
    <message>
        <source>Chọn &amp;tất cả đang hiện</source>
        <translation>Tick &amp;all shown</translation>
    </message>
    <message>
        <source>&amp;Bỏ chọn tất cả</source>
        <translation>U&amp;ntick all</translation>
    </message>
    <message>
        <source>Đã chọn %1 / %2</source>
        <translation>Ticked %1 / %2</translation>
    </message>
    <message>
        <source> · đang hiện %1</source>
        <translation> · showing %1</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Cả năm</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Đợt {n} (đến {day})</source>
        <translation>Round {n} (to {day})</translation>
    </message>
    <message>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Ngành</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Sản phẩm mới</source>
        <translation>New products</translation>
    </message>
    <message>
        <source>Nâng hạng</source>
        <translation>Upgrades</translation>
    </message>
    <message>
        <source>Đánh giá lại</source>
        <translation>Re-evaluations</translation>
    </message>
    <message>
        <source>Kế hoạch năm</source>
        <translation>Year plan</translation>
    </message>
    <message>
        <source>&amp;Năm kế hoạch:</source>
        <translation>Plan &amp;year:</translation>
    </message>
    <message>
        <source>Chỉ tiêu của đơn vị</source>
        <translation>This unit&apos;s targets</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>nhận ngày {day}</source>
        <translation>received on {day}</translation>
    </message>
    <message>
        <source>chưa nhận</source>
        <translation>not received</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao năm {year} ({when}; chỉ xem, tỉnh gửi trong gói tham chiếu)</source>
        <translation>Province targets for {year} ({when}; read-only, sent by the province in the reference pack)</translation>
    </message>
    <message>
        <source>Toàn địa bàn</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Xóa dòng chỉ tiêu “{period} — {commune} — {group}”?</source>
        <translation>Delete the target line “{period} — {commune} — {group}”?</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Không xóa</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <source>Đã lưu dòng chỉ tiêu.</source>
        <translation>Target line saved.</translation>
    </message>
    <message>
        <source>Đã xóa dòng chỉ tiêu.</source>
        <translation>Target line deleted.</translation>
    </message>
    <message>
        <source>Chưa lưu được: hãy sửa các ô có thông báo màu đỏ.</source>
        <translation>Not saved yet: fix the fields with red messages.</translation>
    </message>
</context>
<context>
    <name>PlanLineEditor</name>
    <message>
        <source>Dòng chỉ tiêu (chọn một dòng ở bảng trên để sửa)</source>
        <translation>Target line (select a line in the table above to edit it)</translation>
    </message>
    <message>
        <source>&amp;Xã/phường:</source>
        <translation>&amp;Commune/ward:</translation>
    </message>
    <message>
        <source>N&amp;gành:</source>
        <translation>Product &amp;group:</translation>
    </message>
    <message>
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Đợt kết thúc &amp;ngày:</source>
        <translation>Round &amp;ends on:</translation>
    </message>
    <message>
        <source>Sản phẩm &amp;mới (từ 3 sao):</source>
        <translation>&amp;New products (3 stars or more):</translation>
    </message>
    <message>
        <source>Nâng &amp;hạng:</source>
        <translation>&amp;Upgrades:</translation>
    </message>
    <message>
        <source>Đánh giá &amp;lại:</source>
        <translation>&amp;Re-evaluations:</translation>
    </message>
    <message>
        <source>Đợt tính từ ngày sau khi đợt trước kết thúc (đợt 1: từ 1/1).</source>
        <translation>A round runs from the day after the previous round ends (round 1: from 1 January).</translation>
    </message>
    <message>
        <source>Dòng mới</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>Xóa dòng</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>Lưu dòng</source>
        <translation>Save line</translation>
    </message>
    <message>
        <source>Toàn địa bàn</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <source>Tất cả các ngành</source>
        <translation>All product groups</translation>
    </message>
    <message>
        <source>Cả năm</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Đợt {n}</source>
        <translation>Round {n}</translation>
    </message>
</context>
<context>
    <name>PrintForms</name>
    <message>
        <source>Mẫu 01 – Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP</source>
        <translation>Form 01 – Registration for OCOP product evaluation and rating</translation>
    </message>
    <message>
        <source>Mẫu 02 – Báo cáo tự đánh giá về sản phẩm</source>
        <translation>Form 02 – Product self-assessment report</translation>
    </message>
    <message>
        <source>Mẫu 03 – Báo cáo đánh giá một số nội dung của hồ sơ (cấp xã)</source>
        <translation>Form 03 – Report on parts of the dossier (commune level)</translation>
    </message>
    <message>
        <source>Phiếu chấm điểm theo bộ sản phẩm (bộ 1–26)</source>
        <translation>Scoring sheet by product set (sets 1–26)</translation>
    </message>
    <message>
        <source>Phiếu tiếp nhận hồ sơ</source>
        <translation>Dossier receipt</translation>
    </message>
    <message>
        <source>Danh mục kiểm tra thành phần hồ sơ (theo bộ sản phẩm)</source>
        <translation>Dossier document checklist (by product set)</translation>
    </message>
    <message>
        <source>Phiếu hướng dẫn bổ sung hồ sơ</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <source>Giấy chứng nhận sản phẩm OCOP (dự thảo)</source>
        <translation>OCOP product certificate (draft)</translation>
    </message>
    <message>
        <source>Danh sách sản phẩm được công nhận</source>
        <translation>List of recognised products</translation>
    </message>
    <message>
        <source>Bảng tổng hợp điểm của Hội đồng (ma trận)</source>
        <translation>Council score summary (matrix)</translation>
    </message>
    <message>
        <source>Mẫu 01</source>
        <translation>Form 01</translation>
    </message>
    <message>
        <source>Mẫu 02</source>
        <translation>Form 02</translation>
    </message>
    <message>
        <source>Mẫu 03</source>
        <translation>Form 03</translation>
    </message>
    <message>
        <source>Phiếu chấm điểm</source>
        <translation>Scoring sheet</translation>
    </message>
    <message>
        <source>Phiếu tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Danh mục hồ sơ</source>
        <translation>Document checklist</translation>
    </message>
    <message>
        <source>Hướng dẫn bổ sung</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <source>Giấy chứng nhận</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Danh sách kết quả</source>
        <translation>Results list</translation>
    </message>
    <message>
        <source>Ma trận hội đồng</source>
        <translation>Council matrix</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>Đang dàn trang…</source>
        <translation>Laying out…</translation>
    </message>
    <message>
        <source>Đã in xong.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Chưa chọn hồ sơ hoặc biểu mẫu nào để in.</source>
        <translation>No dossier or form was chosen to print.</translation>
    </message>
    <message>
        <source>Hồ sơ %1: %2 (%3/%4)…</source>
        <translation>Dossier %1: %2 (%3/%4)…</translation>
    </message>
    <message>
        <source>Không in được biểu mẫu nào.</source>
        <translation>No form could be printed.</translation>
    </message>
    <message>
        <source>Đang ghép và ghi tệp…</source>
        <translation>Combining and writing the file…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Xem trước khi in – %1</source>
        <translation>Print preview – %1</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>In qua hộp thoại máy in của hệ thống (Ctrl+P)</source>
        <translation>Print through the system&apos;s print dialog (Ctrl+P)</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Lưu một bản tệp PDF (Ctrl+S)</source>
        <translation>Save a copy of the PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <source>Mở bằng trình xem PDF</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <source>Mở tệp bằng chương trình xem PDF của máy</source>
        <translation>Open the file in this computer&apos;s PDF viewer</translation>
    </message>
    <message>
        <source>◀ Trang trước</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Trang trước (Ctrl+PgUp)</source>
        <translation>Previous page (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Trang sau ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Trang sau (Ctrl+PgDown)</source>
        <translation>Next page (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Thu nhỏ (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Phóng to (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Vừa chiều ngang</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Trang vừa khung nhìn theo chiều ngang (Ctrl+0)</source>
        <translation>Fit the page to the width of the view (Ctrl+0)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Đúng kích thước thật của trang giấy (Ctrl+1)</source>
        <translation>Actual paper size (Ctrl+1)</translation>
    </message>
    <message>
        <source>Trang %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
    <message>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message numerus="yes">
        <source>Đã gửi %n trang tới máy in.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã hủy lệnh in.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không lưu được tệp %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Đã lưu: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Máy chưa có chương trình xem PDF. Hãy dùng “Lưu PDF…” rồi mở tệp bằng chương trình khác.</source>
        <translation>This computer has no PDF viewer. Use “Save PDF…” and open the file with another program.</translation>
    </message>
</context>
<context>
    <name>PrintTab</name>
    <message>
        <source>Mẫu 01 – Phiếu đăng ký đánh giá, phân hạng</source>
        <translation>Form 01 – Registration for evaluation and classification</translation>
    </message>
    <message>
        <source>Mẫu 02 – Báo cáo tự đánh giá về sản phẩm</source>
        <translation>Form 02 – Product self-assessment report</translation>
    </message>
    <message>
        <source>Phiếu tự chấm điểm (Mẫu 02, Phần III)</source>
        <translation>Self-scoring sheet (Form 02, Part III)</translation>
    </message>
    <message>
        <source>Danh mục hồ sơ và tài liệu minh chứng</source>
        <translation>Dossier checklist and evidence</translation>
    </message>
    <message>
        <source>Phiếu tiếp nhận hồ sơ</source>
        <translation>Dossier receipt</translation>
    </message>
    <message>
        <source>Mẫu 03 – Báo cáo đánh giá của UBND cấp xã</source>
        <translation>Form 03 – Commune assessment report</translation>
    </message>
    <message>
        <source>Phiếu hướng dẫn bổ sung (giấy tờ còn thiếu, sắp hết hạn)</source>
        <translation>Supplement notice (papers missing or expiring)</translation>
    </message>
    <message>
        <source>Xem trước và in…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>Mở PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Lưu thành…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Biểu mẫu được điền từ hồ sơ đã lưu, khổ A4, có mã QR đối chiếu trên mỗi trang.</source>
        <translation>Forms are filled from the saved dossier, A4, with a QR code for matching on every page.</translation>
    </message>
    <message>
        <source>In biểu mẫu của hồ sơ</source>
        <translation>Print the dossier forms</translation>
    </message>
    <message>
        <source>Lưu biểu mẫu</source>
        <translation>Save form</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Đã in: %1</source>
        <translation>Printed: %1</translation>
    </message>
    <message>
        <source>Đã in: %1 (máy chưa có chương trình xem PDF).</source>
        <translation>Printed: %1 (this computer has no PDF viewer).</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <source>bộ %1</source>
        <translation>set %1</translation>
    </message>
    <message>
        <source>Không mở được tệp PDF “%1”.</source>
        <translation>Could not open the PDF file “%1”.</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Đang in %1</source>
        <translation>Printing %1</translation>
    </message>
    <message>
        <source>Không có trang nào trong khoảng đã chọn để in.</source>
        <translation>There is no page to print in the chosen range.</translation>
    </message>
    <message>
        <source>Đang in trang %1 (%2/%3)…</source>
        <translation>Printing page %1 (%2/%3)…</translation>
    </message>
    <message>
        <source>Máy in không nhận lệnh in. Hãy kiểm tra máy in rồi thử lại.</source>
        <translation>The printer did not accept the job. Check the printer and try again.</translation>
    </message>
    <message>
        <source>Đã gửi lệnh in.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Không bắt đầu in được. Hãy kiểm tra máy in (đã bật, còn giấy, đúng tệp đích) rồi thử lại.</source>
        <translation>Printing could not start. Check the printer (switched on, paper loaded, right output file) and try again.</translation>
    </message>
    <message>
        <source>Máy in ngừng nhận trang mới. Hãy kiểm tra máy in rồi thử lại.</source>
        <translation>The printer stopped accepting pages. Check the printer and try again.</translation>
    </message>
</context>
<context>
    <name>ProducerDialog</name>
    <message>
        <source>Sửa chủ thể</source>
        <translation>Edit producer</translation>
    </message>
    <message>
        <source>Thêm chủ thể</source>
        <translation>Add producer</translation>
    </message>
    <message>
        <source>Tên chủ thể *</source>
        <translation>Producer name *</translation>
    </message>
    <message>
        <source>Loại hình *</source>
        <translation>Type *</translation>
    </message>
    <message>
        <source>Xã/phường *</source>
        <translation>Commune/ward *</translation>
    </message>
    <message>
        <source>Gõ tên xã/phường, có dấu hoặc không</source>
        <translation>Type the commune/ward name, with or without diacritics</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Người đại diện *</source>
        <translation>Representative *</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>10 chữ số, hoặc 0123456789-001 cho chi nhánh</source>
        <translation>10 digits, or 0123456789-001 for a branch</translation>
    </message>
    <message>
        <source>Ví dụ: 0912 345 678</source>
        <translation>E.g. 0912 345 678</translation>
    </message>
    <message>
        <source>Thông tin Mẫu 02 (điền sẵn vào hồ sơ mới)</source>
        <translation>Form 02 details (pre-filled into new dossiers)</translation>
    </message>
    <message>
        <source>Điền sẵn vào Mẫu 02 Phần I của mỗi hồ sơ mới của chủ thể</source>
        <translation>Pre-filled into Form 02 Part I of each of the producer&apos;s new dossiers</translation>
    </message>
</context>
<context>
    <name>ProducerFacts</name>
    <message>
        <source>— Chưa rõ —</source>
        <translation>— Unknown —</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ProducerMerge</name>
    <message>
        <source>{name} — {who} ({count} sản phẩm)</source>
        <translation>{name} — {who} ({count} products)</translation>
    </message>
</context>
<context>
    <name>ProducersPage</name>
    <message>
        <source>Tên chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Loại hình</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Số SP</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Gộp trùng…</source>
        <translation>Merge duplicate…</translation>
    </message>
    <message>
        <source>Gộp một chủ thể nhập trùng vào chủ thể đang chọn</source>
        <translation>Merge a producer entered twice into the selected one</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa chủ thể nhập nhầm, chưa có sản phẩm (Delete)</source>
        <translation>Delete a producer entered by mistake, with no products (Delete)</translation>
    </message>
    <message>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Nhập sổ chủ thể, sản phẩm, giấy chứng nhận có sẵn (Excel/CSV)</source>
        <translation>Import an existing register of producers, products and certificates (Excel/CSV)</translation>
    </message>
    <message>
        <source>Tìm theo tên, người đại diện, mã số thuế, xã/phường… (gõ không dấu cũng được)</source>
        <translation>Search by name, representative, tax code, commune… (diacritics optional)</translation>
    </message>
    <message>
        <source>Thêm chủ thể</source>
        <translation>Add producer</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Sửa chủ thể đang chọn (Enter)</source>
        <translation>Edit the selected producer (Enter)</translation>
    </message>
    <message>
        <source>Chưa có chủ thể nào. Bấm “Thêm chủ thể” (Ctrl+N) để bắt đầu.</source>
        <translation>No producers yet. Press “Add producer” (Ctrl+N) to start.</translation>
    </message>
    <message>
        <source>Không tìm thấy chủ thể nào.</source>
        <translation>No producer found.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chủ thể</source>
        <translation>
            <numerusform>%Ln producer</numerusform>
            <numerusform>%Ln producers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Chủ thể sản xuất *</source>
        <translation>Producer *</translation>
    </message>
    <message>
        <source>Gõ tên chủ thể, có dấu hoặc không</source>
        <translation>Type the producer name, with or without diacritics</translation>
    </message>
    <message>
        <source>Tên sản phẩm *</source>
        <translation>Product name *</translation>
    </message>
    <message>
        <source>Bộ sản phẩm *</source>
        <translation>Product set *</translation>
    </message>
    <message>
        <source>— Chọn bộ sản phẩm —</source>
        <translation>— Choose a product set —</translation>
    </message>
    <message>
        <source>Nhãn hiệu</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Quy cách đóng gói</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>(được cấp khi lưu)</source>
        <translation>(given when saved)</translation>
    </message>
    <message>
        <source>Sửa sản phẩm</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>Thêm sản phẩm</source>
        <translation>Add product</translation>
    </message>
    <message>
        <source>Đã lưu sản phẩm. Mã sản phẩm: %1</source>
        <translation>Product saved. Product code: %1</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Mã SP</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Bộ sản phẩm</source>
        <translation>Product set</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Tìm theo mã, tên sản phẩm, chủ thể, bộ sản phẩm… (gõ không dấu cũng được)</source>
        <translation>Search by code, product name, producer, product set… (diacritics optional)</translation>
    </message>
    <message>
        <source>Thêm sản phẩm</source>
        <translation>Add product</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Sửa sản phẩm đang chọn (Enter)</source>
        <translation>Edit the selected product (Enter)</translation>
    </message>
    <message>
        <source>Chưa có sản phẩm nào. Bấm “Thêm sản phẩm” (Ctrl+N) để bắt đầu.</source>
        <translation>No products yet. Press “Add product” (Ctrl+N) to start.</translation>
    </message>
    <message>
        <source>Không tìm thấy sản phẩm nào.</source>
        <translation>No product found.</translation>
    </message>
    <message>
        <source>Giấy chứng nhận…</source>
        <translation>Certificates…</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa sản phẩm nhập nhầm, chưa có hồ sơ (Delete)</source>
        <translation>Delete a product entered by mistake, with no dossier (Delete)</translation>
    </message>
    <message>
        <source>Mọi hạng sao</source>
        <translation>Any stars</translation>
    </message>
    <message>
        <source>Chưa có sao</source>
        <translation>No stars</translation>
    </message>
    <message>
        <source>Mọi hiệu lực</source>
        <translation>Any validity</translation>
    </message>
    <message>
        <source>Theo giấy chứng nhận hiện hành của sản phẩm (mới nhất, chưa bị thu hồi), đến hôm nay</source>
        <translation>By the product&apos;s current certificate (the newest not revoked), as of today</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sản phẩm</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Lý do (bắt buộc)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Cần ghi lý do.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>RegisterImport</name>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Lý do / việc sẽ làm</source>
        <translation>Reason / what will be done</translation>
    </message>
</context>
<context>
    <name>RegisterImportDialog</name>
    <message>
        <source>Nhập sổ sản phẩm OCOP từ Excel/CSV</source>
        <translation>Import the OCOP register from Excel/CSV</translation>
    </message>
    <message>
        <source>Chưa chọn tệp. Tệp .xlsx hoặc .csv; tên cột tiếng Việt, có dấu hay không.</source>
        <translation>No file chosen. An .xlsx or .csv file; Vietnamese column names, with or without diacritics.</translation>
    </message>
    <message>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Tải tệp &amp;mẫu…</source>
        <translation>Save &amp;template…</translation>
    </message>
    <message>
        <source>Tất cả dòng</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>Chỉ dòng bị từ chối</source>
        <translation>Refused rows only</translation>
    </message>
    <message>
        <source>&amp;Lọc:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>&amp;Nhập</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Ghi các dòng không bị từ chối, trong một lần (Ctrl+Enter)</source>
        <translation>Write the rows that are not refused, all at once (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn sổ sản phẩm</source>
        <translation>Choose a register</translation>
    </message>
    <message>
        <source>Đang đọc sổ…</source>
        <translation>Reading the register…</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Xem trước (chưa ghi gì)</source>
        <translation>Preview (nothing written yet)</translation>
    </message>
    <message>
        <source>%1 — trang “%2”, dòng tiêu đề %3; cột nhận ra: %4</source>
        <translation>%1 — sheet “%2”, header row %3; columns recognised: %4</translation>
    </message>
    <message>
        <source>; bỏ qua cột: </source>
        <translation>; columns ignored: </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Nhập %n dòng</source>
        <translation>
            <numerusform>&amp;Import %n row</numerusform>
            <numerusform>&amp;Import %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Dòng %1 — %2:</source>
        <translation>Row %1 — %2:</translation>
    </message>
    <message>
        <source>Đang nhập sổ…</source>
        <translation>Importing the register…</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu</source>
        <translation>Save the template</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu %1. Điền rồi bấm “Chọn tệp…”.</source>
        <translation>Template saved to %1. Fill it in, then press “Choose file…”.</translation>
    </message>
</context>
<context>
    <name>Removal</name>
    <message>
        <source>Không xóa được</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>Xóa chủ thể “%1”? Chỉ nên xóa chủ thể nhập nhầm.</source>
        <translation>Delete the producer “%1”? Only delete producers entered by mistake.</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Xóa sản phẩm “%1” (mã %2)? Chỉ nên xóa sản phẩm nhập nhầm.</source>
        <translation>Delete the product “%1” (code %2)? Only delete products entered by mistake.</translation>
    </message>
</context>
<context>
    <name>ReportLabels</name>
    <message>
        <source>Sản phẩm còn hiệu lực theo hạng sao</source>
        <translation>Valid products by stars</translation>
    </message>
    <message>
        <source>Sản phẩm theo xã/phường</source>
        <translation>Products by commune/ward</translation>
    </message>
    <message>
        <source>Sản phẩm theo xã/phường (%1 có nhiều sản phẩm nhất)</source>
        <translation>Products by commune/ward (the %1 with the most)</translation>
    </message>
    <message>
        <source>Tỷ lệ công nhận theo đợt (%)</source>
        <translation>Recognition rate by round (%)</translation>
    </message>
    <message>
        <source>Sản phẩm nâng hạng theo năm</source>
        <translation>Upgraded products by year</translation>
    </message>
    <message>
        <source>Lý do trả lại hồ sơ</source>
        <translation>Reasons for returning dossiers</translation>
    </message>
    <message>
        <source>Lý do trả lại hồ sơ (%1 nhiều nhất)</source>
        <translation>Reasons for returning dossiers (top %1)</translation>
    </message>
    <message>
        <source>Hồ sơ quá hạn theo xã/phường</source>
        <translation>Overdue dossiers by commune/ward</translation>
    </message>
    <message>
        <source>Hồ sơ quá hạn theo xã/phường (%1 nhiều nhất)</source>
        <translation>Overdue dossiers by commune/ward (top %1)</translation>
    </message>
    <message>
        <source>Sản phẩm còn hiệu lực qua các năm</source>
        <translation>Valid products over the years</translation>
    </message>
    <message>
        <source>Chỉ tiêu và kết quả</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao và kết quả</source>
        <translation>Province targets and results</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Sản phẩm mới</source>
        <translation>New products</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao nhận ngày</source>
        <translation>Province targets received on</translation>
    </message>
    <message>
        <source>chưa nhận</source>
        <translation>not received</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao năm %1 (chưa nhận)</source>
        <translation>Province targets for %1 (not received)</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao năm %1 (nhận ngày %2/%3/%4)</source>
        <translation>Province targets for %1 (received %2/%3/%4)</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao theo đợt năm %1</source>
        <translation>Province targets by round, %1</translation>
    </message>
    <message>
        <source>Chỉ tiêu và kết quả theo đợt năm %1</source>
        <translation>Targets and results by round, %1</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Toàn địa bàn</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Chỉ tiêu sản phẩm mới năm %1</source>
        <translation>New products target for %1</translation>
    </message>
    <message>
        <source>Chỉ tiêu tỉnh giao: sản phẩm mới năm %1</source>
        <translation>Province target: new products for %1</translation>
    </message>
    <message>
        <source>Danh mục sản phẩm OCOP còn hiệu lực</source>
        <translation>Catalogue of valid OCOP products</translation>
    </message>
    <message>
        <source>Sản phẩm trong danh mục</source>
        <translation>Products in the catalogue</translation>
    </message>
    <message>
        <source>Bộ sản phẩm</source>
        <translation>Product set</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>%1 sao</source>
        <translation>%1 stars</translation>
    </message>
    <message>
        <source>%1 → %2 sao</source>
        <translation>%1 → %2 stars</translation>
    </message>
    <message>
        <source>%1/%2 xã/phường</source>
        <translation>%1/%2 communes/wards</translation>
    </message>
    <message>
        <source>(không ghi lý do)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Bộ Nông nghiệp và Môi trường</source>
        <translation>Ministry of Agriculture and Environment</translation>
    </message>
    <message>
        <source>Chỉ tiêu và kết quả năm %1</source>
        <translation>Targets and results for %1</translation>
    </message>
    <message>
        <source>Chỉ tiêu và kết quả thực hiện</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Chủ thể có sản phẩm</source>
        <translation>Producers with products</translation>
    </message>
    <message>
        <source>Còn (ngày)</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Còn hiệu lực (%1/%2/%3)</source>
        <translation>Valid (%1/%2/%3)</translation>
    </message>
    <message>
        <source>Có sản phẩm</source>
        <translation>With products</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Cấp công nhận</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <source>Giấy chứng nhận cấp trong năm</source>
        <translation>Certificates issued in the year</translation>
    </message>
    <message>
        <source>Giấy chứng nhận sắp hết hạn và đã hết hạn</source>
        <translation>Certificates expiring and expired</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Hạn nộp hồ sơ</source>
        <translation>Filing deadline</translation>
    </message>
    <message>
        <source>Hạn đánh giá</source>
        <translation>Check deadline</translation>
    </message>
    <message>
        <source>Hạng sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại theo xã/phường (năm %1)</source>
        <translation>Returned dossiers by commune/ward (%1)</translation>
    </message>
    <message>
        <source>Hồ sơ bị trả lại và lý do</source>
        <translation>Returned dossiers and reasons</translation>
    </message>
    <message>
        <source>Hồ sơ nâng hạng</source>
        <translation>Upgrade dossiers</translation>
    </message>
    <message>
        <source>Hồ sơ nâng hạng theo trạng thái</source>
        <translation>Upgrade dossiers by status</translation>
    </message>
    <message>
        <source>Hồ sơ quá hạn đánh giá cấp xã</source>
        <translation>Dossiers past the commune check deadline</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái và theo đợt</source>
        <translation>Dossiers by status and round</translation>
    </message>
    <message>
        <source>Hồ sơ theo đợt đánh giá</source>
        <translation>Dossiers by evaluation round</translation>
    </message>
    <message>
        <source>Hồ sơ đang chờ bổ sung</source>
        <translation>Dossiers awaiting supplements</translation>
    </message>
    <message>
        <source>Hồ sơ đã phân vào đợt</source>
        <translation>Dossiers assigned to rounds</translation>
    </message>
    <message>
        <source>Hồ sơ đã vào đợt đánh giá</source>
        <translation>Dossiers in an evaluation round</translation>
    </message>
    <message>
        <source>Không đủ điều kiện</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lý do trả lại hồ sơ (năm %1)</source>
        <translation>Reasons for returning dossiers (%1)</translation>
    </message>
    <message>
        <source>Lần trả lại trong năm</source>
        <translation>Returns in the year</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Mở cửa sổ đánh giá lại</source>
        <translation>Re-evaluation window opens</translation>
    </message>
    <message>
        <source>Ngành</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Ngày tiếp nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Nâng hạng năm %1</source>
        <translation>Upgrades in %1</translation>
    </message>
    <message>
        <source>Nâng hạng sản phẩm OCOP</source>
        <translation>OCOP product upgrades</translation>
    </message>
    <message>
        <source>Nâng hạng trong năm %1</source>
        <translation>Upgraded in %1</translation>
    </message>
    <message>
        <source>Nâng hạng: chỉ tiêu</source>
        <translation>Upgrades: target</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Quá hạn (ngày)</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Quá hạn theo xã/phường</source>
        <translation>Overdue by commune/ward</translation>
    </message>
    <message>
        <source>Quá hạn đánh giá cấp xã</source>
        <translation>Commune check overdue</translation>
    </message>
    <message>
        <source>So sánh sản phẩm OCOP qua các năm</source>
        <translation>OCOP products year on year</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Sản phẩm OCOP còn hiệu lực</source>
        <translation>Valid OCOP products</translation>
    </message>
    <message>
        <source>Sản phẩm OCOP còn hiệu lực qua các năm</source>
        <translation>Valid OCOP products over the years</translation>
    </message>
    <message>
        <source>Sản phẩm OCOP còn hiệu lực theo hạng sao</source>
        <translation>Valid OCOP products by stars</translation>
    </message>
    <message>
        <source>Sản phẩm còn hiệu lực</source>
        <translation>Valid products</translation>
    </message>
    <message>
        <source>Sản phẩm mới từ %1 sao năm %2</source>
        <translation>New products of %1 stars or more in %2</translation>
    </message>
    <message>
        <source>Sản phẩm mới: chỉ tiêu</source>
        <translation>New products: target</translation>
    </message>
    <message>
        <source>Sản phẩm được nâng hạng theo năm công nhận</source>
        <translation>Upgraded products by year of recognition</translation>
    </message>
    <message>
        <source>Sắp đến hạn đánh giá cấp xã</source>
        <translation>Commune check due soon</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Số hồ sơ quá hạn</source>
        <translation>Overdue dossiers</translation>
    </message>
    <message>
        <source>Số lần</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Số lần trả lại</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Số phiếu</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Số sản phẩm</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Theo bộ sản phẩm</source>
        <translation>By product set</translation>
    </message>
    <message>
        <source>Theo căn cứ công nhận</source>
        <translation>By legal basis</translation>
    </message>
    <message>
        <source>Theo cấp công nhận</source>
        <translation>By recognising level</translation>
    </message>
    <message>
        <source>Theo ngành (nhóm sản phẩm)</source>
        <translation>By sector (product group)</translation>
    </message>
    <message>
        <source>Theo năm công nhận</source>
        <translation>By year of recognition</translation>
    </message>
    <message>
        <source>Theo xã/phường</source>
        <translation>By commune/ward</translation>
    </message>
    <message>
        <source>Trong đó không rõ ngày trả lại</source>
        <translation>Of which the return date is unknown</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tên bộ sản phẩm</source>
        <translation>Product set</translation>
    </message>
    <message>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Tăng/giảm</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Tăng/giảm so với cuối năm trước</source>
        <translation>Change since the end of last year</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tổng số hồ sơ</source>
        <translation>Total dossiers</translation>
    </message>
    <message>
        <source>Tổng số xã/phường</source>
        <translation>Communes/wards in all</translation>
    </message>
    <message>
        <source>Tỷ lệ (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>Tỷ lệ công nhận (%)</source>
        <translation>Recognition rate (%)</translation>
    </message>
    <message>
        <source>Tỷ lệ công nhận theo đợt</source>
        <translation>Recognition rate by round</translation>
    </message>
    <message>
        <source>Tỷ lệ công nhận theo đợt đánh giá</source>
        <translation>Recognition rate by evaluation round</translation>
    </message>
    <message>
        <source>UBND cấp huyện (trước %1/%2/%3)</source>
        <translation>District People&apos;s Committee (before %1/%2/%3)</translation>
    </message>
    <message>
        <source>UBND cấp tỉnh</source>
        <translation>Provincial People&apos;s Committee</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Xã/phường có sản phẩm</source>
        <translation>Communes/wards with products</translation>
    </message>
    <message>
        <source>Xã/phường có sản phẩm OCOP từ %1 sao</source>
        <translation>Communes/wards with OCOP products of %1 stars or more</translation>
    </message>
    <message>
        <source>Đang đánh giá</source>
        <translation>Being evaluated</translation>
    </message>
    <message>
        <source>Đánh giá lại năm %1</source>
        <translation>Re-evaluations in %1</translation>
    </message>
    <message>
        <source>Đánh giá lại: chỉ tiêu</source>
        <translation>Re-evaluations: target</translation>
    </message>
    <message>
        <source>Đã hết hiệu lực</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Đã hết hiệu lực, chưa có giấy chứng nhận mới</source>
        <translation>Expired, no new certificate</translation>
    </message>
    <message>
        <source>Được công nhận</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <source>Đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Đến kỳ đánh giá lại (cửa sổ đã mở)</source>
        <translation>Due for re-evaluation (window open)</translation>
    </message>
    <message>
        <source>Độ phủ sản phẩm OCOP theo xã/phường</source>
        <translation>OCOP coverage by commune/ward</translation>
    </message>
    <message>
        <source>Đợt</source>
        <translation>Round</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Báo cáo và biểu mẫu</source>
        <translation>Reports and forms</translation>
    </message>
    <message>
        <source>Kế hoạch năm…</source>
        <translation>Year plan…</translation>
    </message>
    <message>
        <source>Chỉ tiêu năm và từng đợt: sản phẩm mới, nâng hạng, đánh giá lại</source>
        <translation>Targets for the year and each round: new products, upgrades, re-evaluations</translation>
    </message>
    <message>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>In biểu mẫu</source>
        <translation>Print forms</translation>
    </message>
    <message>
        <source>In biểu mẫu trống</source>
        <translation>Print a blank form</translation>
    </message>
    <message>
        <source>Biểu mẫu:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Bộ sản phẩm:</source>
        <translation>Product set:</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Phiếu chấm điểm trống của cả 26 bộ sản phẩm</source>
        <translation>Blank scoring sheets of all 26 product sets</translation>
    </message>
    <message>
        <source>Một tệp PDF gồm phiếu của mọi bộ sản phẩm; mỗi phiếu bắt đầu ở trang mới, có số trang và mã QR riêng.</source>
        <translation>One PDF file with the sheet of every product set; each sheet starts on a new page with its own page numbers and QR code.</translation>
    </message>
    <message>
        <source>In cả 26 phiếu trống…</source>
        <translation>Print all 26 blank sheets…</translation>
    </message>
    <message>
        <source>In biểu mẫu của hồ sơ</source>
        <translation>Print the forms of dossiers</translation>
    </message>
    <message>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đang lưu PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <source>Phiếu chấm điểm trống, 26 bộ</source>
        <translation>Blank scoring sheets, 26 sets</translation>
    </message>
    <message>
        <source>Đang in phiếu chấm điểm của 26 bộ sản phẩm…</source>
        <translation>Printing the scoring sheets of the 26 product sets…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Chọn tệp sao lưu (.ocopbak) và nhập mật khẩu của nó. Dữ liệu, tệp minh chứng, khóa của cơ quan và cài đặt được khôi phục vào thư mục dữ liệu của máy này; khóa được bảo vệ lại cho máy và tài khoản này. Mọi thành phần được kiểm tra trước khi ghi.</source>
        <translation>Choose the backup file (.ocopbak) and type its passphrase. The data, evidence files, office keys and settings are restored into this PC&apos;s data folder; the keys are protected again for this PC and account. Every part is checked before anything is written.</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tệp sao lưu:</source>
        <translation>Backup file:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Tôi đồng ý thay thế dữ liệu hiện có (dữ liệu cũ được giữ lại trong thư mục “backups”)</source>
        <translation>I agree to replace the existing data (the old data is kept in the “backups” folder)</translation>
    </message>
    <message>
        <source>Đọc bản sao lưu</source>
        <translation>Read backup</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose the backup file</translation>
    </message>
    <message>
        <source>Bản sao lưu OCOP (*.ocopbak)</source>
        <translation>OCOP backup (*.ocopbak)</translation>
    </message>
    <message>
        <source>Bản sao lưu:</source>
        <translation>Backup:</translation>
    </message>
    <message>
        <source>Sẽ thay thế dữ liệu hiện có trên máy này:</source>
        <translation>Will replace the existing data on this PC:</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu trên máy này chưa có dữ liệu: không có gì bị thay thế.</source>
        <translation>The data folder on this PC holds no data: nothing will be replaced.</translation>
    </message>
    <message>
        <source>Đã khôi phục vào {0}.</source>
        <translation>Restored into {0}.</translation>
    </message>
    <message>
        <source>Dữ liệu cũ được giữ lại tại {0}.</source>
        <translation>The old data is kept in {0}.</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Chủ tịch</source>
        <translation>Chairman</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Đề nghị và quyết định</source>
        <translation>Proposals and decision</translation>
    </message>
    <message>
        <source>Quyết định, giấy chứng nhận</source>
        <translation>Decisions, certificates</translation>
    </message>
    <message>
        <source>Đề nghị 5 sao</source>
        <translation>5-star proposals</translation>
    </message>
    <message>
        <source>Hết hạn và thu hồi</source>
        <translation>Expiry and revocation</translation>
    </message>
    <message>
        <source>%1★ theo kết quả Hội đồng cấp trung ương</source>
        <translation>%1★ from the central council&apos;s result</translation>
    </message>
    <message>
        <source>Đề nghị công nhận</source>
        <translation>Propose recognition</translation>
    </message>
    <message>
        <source>Rút đề nghị</source>
        <translation>Withdraw proposal</translation>
    </message>
    <message>
        <source>Quyết định công nhận của Chủ tịch UBND tỉnh</source>
        <translation>Recognition decision of the provincial chairman</translation>
    </message>
    <message>
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Ra quyết định, cấp giấy chứng nhận</source>
        <translation>Record decision, issue certificates</translation>
    </message>
    <message>
        <source>
… và %1 sản phẩm khác</source>
        <translation>
… and %1 more products</translation>
    </message>
    <message>
        <source>Ký quyết định số %1 ngày %2 công nhận %3 sản phẩm OCOP và cấp giấy chứng nhận (hiệu lực %6 tháng)?
%4%5

Sau khi ghi, quyết định và giấy chứng nhận không sửa được; kết quả được gửi về các xã trong gói kết quả.</source>
        <translation>Sign decision no. %1 of %2 recognising %3 OCOP products and issuing their certificates (valid %6 months)?
%4%5

Once recorded, the decision and the certificates cannot be changed; the results go back to the communes in the results package.</translation>
    </message>
    <message>
        <source>Ghi quyết định</source>
        <translation>Record the decision</translation>
    </message>
    <message>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>In danh sách kết quả…</source>
        <translation>Print results list…</translation>
    </message>
    <message>
        <source>In dự thảo giấy chứng nhận…</source>
        <translation>Print certificate drafts…</translation>
    </message>
    <message>
        <source>Đề nghị: sản phẩm đã tổng hợp hợp lệ đạt 3, 4 sao được đề nghị công nhận; từ %1 điểm: đề nghị Bộ công nhận 5 sao; dưới 3 sao hoặc bị loại: không đủ điều kiện.</source>
        <translation>Proposal: products validly aggregated at 3★ or 4★ are proposed for recognition; from %1 points: proposed to the ministry for 5★; below 3★ or eliminated: not eligible.</translation>
    </message>
    <message>
        <source>Mọi sản phẩm 3, 4 sao đã được đề nghị của đợt (và sản phẩm Hội đồng trung ương đánh giá 3, 4 sao) được công nhận trong một quyết định; mỗi sản phẩm nhận một giấy chứng nhận có hiệu lực %1 tháng.</source>
        <translation>Every 3★/4★ product proposed in the round (and every product the central council rated 3★ or 4★) is recognised in one decision; each gets a certificate valid for %1 months.</translation>
    </message>
    <message>
        <source>Giấy chứng nhận của quyết định đang chọn: %1</source>
        <translation>Certificates of the selected decision: %1</translation>
    </message>
    <message>
        <source>Ngày ký “%1” không hợp lệ (dd/mm/yyyy).</source>
        <translation>Signing date “%1” is not valid (dd/mm/yyyy).</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Máy này dùng cho ai?</source>
        <translation>Who uses this machine?</translation>
    </message>
    <message>
        <source>Mỗi máy phục vụ một cơ quan. Vai trò quyết định những việc phần mềm cho làm.</source>
        <translation>Each machine serves one office. The role decides what the software lets you do.</translation>
    </message>
    <message>
        <source>Văn phòng tỉnh dùng máy chủ chung (nhiều máy, PostgreSQL)</source>
        <translation>Provincial office on a shared server (several desks, PostgreSQL)</translation>
    </message>
    <message>
        <source>Máy mới của một cơ quan đã dùng OCOP Desktop? Khôi phục bản sao lưu:</source>
        <translation>A new PC for an office that already used OCOP Desktop? Restore its backup:</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from backup…</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Tạo đợt đánh giá</source>
        <translation>New evaluation round</translation>
    </message>
    <message>
        <source>Tạo đợt</source>
        <translation>Create round</translation>
    </message>
    <message>
        <source>Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh</source>
        <translation>Provincial OCOP product evaluation and rating council</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Đợt số</source>
        <translation>Round number</translation>
    </message>
    <message>
        <source>Chốt nhận hồ sơ</source>
        <translation>Dossier cut-off</translation>
    </message>
    <message>
        <source>Hoàn thành trước</source>
        <translation>Finish by</translation>
    </message>
    <message>
        <source>Tên đợt (không bắt buộc)</source>
        <translation>Round name (optional)</translation>
    </message>
    <message>
        <source>Tên Hội đồng</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>Đợt thường kỳ theo QĐ 26/2026: ngày mặc định đã điền sẵn.</source>
        <translation>Regular round under Decision 26/2026: the default dates are filled in.</translation>
    </message>
    <message>
        <source>Đợt bổ sung: hãy nhập ngày chốt nhận hồ sơ và ngày hoàn thành.</source>
        <translation>Extra round: enter the dossier cut-off and the finishing date.</translation>
    </message>
</context>
<context>
    <name>RoundsTab</name>
    <message>
        <source>Đợt</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Tên đợt / Hội đồng</source>
        <translation>Round / council name</translation>
    </message>
    <message>
        <source>Chốt hồ sơ</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Đủ phiếu</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>Chấm lại</source>
        <translation>Re-score</translation>
    </message>
    <message>
        <source>Đã tổng hợp</source>
        <translation>Aggregated</translation>
    </message>
    <message>
        <source>Đề nghị</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Có QĐ</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Các đợt đánh giá (ít nhất 2 đợt mỗi năm)</source>
        <translation>Evaluation rounds (at least 2 a year)</translation>
    </message>
    <message>
        <source>Tạo đợt mới…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <source>Phân hồ sơ vào đợt…</source>
        <translation>Assign dossiers…</translation>
    </message>
    <message>
        <source>Rút khỏi đợt</source>
        <translation>Take out of round</translation>
    </message>
    <message>
        <source>Ý kiến tổ tư vấn…</source>
        <translation>Advisory notes…</translation>
    </message>
    <message>
        <source>Ghi chú, biên bản của tổ tư vấn về hồ sơ đang chọn (gửi kèm gói phân công chấm điểm).</source>
        <translation>The advisory team&apos;s notes and records on the chosen dossier (sent with the scoring assignment package).</translation>
    </message>
    <message>
        <source>Chưa có đợt đánh giá nào: bấm “Tạo đợt mới…”.</source>
        <translation>No evaluation round yet: click “New round…”.</translation>
    </message>
    <message>
        <source>%1: %2 hồ sơ · %3 đủ phiếu · %4 đã tổng hợp · %5 có quyết định</source>
        <translation>%1: %2 dossiers · %3 fully scored · %4 aggregated · %5 decided</translation>
    </message>
    <message>
        <source> · %1 chủ thể đã rút</source>
        <translation> · %1 withdrawn by producers</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào đã tiếp nhận mà chưa thuộc đợt nào. Hãy tiếp nhận hồ sơ ở thẻ “Hồ sơ đến” trước.</source>
        <translation>No accepted dossier is waiting for a round. Accept dossiers on the “Incoming dossiers” tab first.</translation>
    </message>
    <message>
        <source>Rút “%1” khỏi %2?</source>
        <translation>Take “%1” out of %2?</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Hãy chọn một hồ sơ của đợt trong bảng.</source>
        <translation>Choose a dossier of the round in the table.</translation>
    </message>
</context>
<context>
    <name>RuleNoticesDialog</name>
    <message>
        <source>Đính chính và giá trị nghi vấn của bộ tiêu chí</source>
        <translation>Corrections and doubtful values of the rule set</translation>
    </message>
    <message>
        <source>Bộ tiêu chí %1 (mã băm %2…): %3 điểm khác hoặc đáng ngờ so với văn bản in. “Đã hiệu chỉnh”: phần mềm dùng giá trị đã sửa; “Giá trị nghi vấn”: giữ như văn bản, cần xác minh với Công báo trước khi dùng chính thức. Các điểm này cũng được đánh dấu trên phiếu chấm và chú thích khi in.</source>
        <translation>Rule set %1 (hash %2…): %3 points differ from or are doubtful against the printed text. “Corrected”: the app uses the corrected value; “Doubtful value”: kept as printed, to be checked against the Official Gazette before official use. These points are also marked on the score sheets and footnoted when printed.</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Vị trí</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Đã hiệu chỉnh</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>Giá trị nghi vấn</source>
        <translation>Doubtful value</translation>
    </message>
</context>
<context>
    <name>ScansPage</name>
    <message>
        <source>Thư mục tài liệu dùng chung</source>
        <translation>Shared scans folder</translation>
    </message>
    <message>
        <source>Các máy của văn phòng dùng chung một thư mục tài liệu (bản quét)</source>
        <translation>The office&apos;s desks share one documents folder (scans)</translation>
    </message>
    <message>
        <source>ví dụ: \\may-chu-tinh\ocop-blobs</source>
        <translation>e.g. \\province-server\ocop-blobs</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tài liệu được lưu theo mã SHA-256 nên các máy không ghi đè lên nhau. Chọn một thư mục chia sẻ mà mọi máy đều ghi được (ổ mạng gắn giống nhau trên các máy, ví dụ ổ chia sẻ của máy chủ tỉnh). Không chọn: tài liệu ở lại thư mục dữ liệu của máy này; có thể đổi sau bằng lệnh “database blobs”.</source>
        <translation>Documents are stored by their SHA-256 hash, so the desks never overwrite each other. Choose a shared folder that every desk can write to (a network drive mapped the same way on every desk, e.g. the province server&apos;s shared drive). If none is chosen, documents stay in this desk&apos;s data folder; this can be changed later with the “database blobs” command.</translation>
    </message>
    <message>
        <source>Nơi các máy của văn phòng cùng lưu bản quét, ảnh và tệp PDF của hồ sơ.</source>
        <translation>Where the office&apos;s desks all keep the dossiers&apos; scans, photos and PDF files.</translation>
    </message>
    <message>
        <source>Văn phòng đã có %1 tài liệu. Hãy chọn đúng thư mục chung mà các máy khác đang dùng (xem trong Cài đặt › Nơi lưu dữ liệu của máy đó).</source>
        <translation>The office already has %1 documents. Choose the same shared folder the other desks are using (see Settings › Data storage on one of those desks).</translation>
    </message>
    <message>
        <source>Hãy chọn thư mục dùng chung, hoặc bỏ đánh dấu để dùng thư mục máy này.</source>
        <translation>Choose the shared folder, or untick to use this desk&apos;s folder.</translation>
    </message>
</context>
<context>
    <name>ScoreCriterionCard</name>
    <message>
        <source>Điểm dừng: %1</source>
        <translation>Stop: %1</translation>
    </message>
    <message>
        <source>Trường hợp %1: %2</source>
        <translation>Case %1: %2</translation>
    </message>
    <message>
        <source>Ghi chú cho tiêu chí %1…</source>
        <translation>Notes on criterion %1…</translation>
    </message>
    <message>
        <source>Không áp dụng: sản phẩm chưa có câu chuyện (tiêu chí %1 đạt 0 điểm).</source>
        <translation>Not applicable: the product has no story (criterion %1 scored 0).</translation>
    </message>
    <message>
        <source>Không áp dụng: tiêu chí %1 chưa đạt từ %2 điểm trở lên.</source>
        <translation>Not applicable: criterion %1 has not reached %2 points.</translation>
    </message>
    <message>
        <source>Minh chứng (%1)…</source>
        <translation>Evidence (%1)…</translation>
    </message>
    <message>
        <source>Minh chứng…</source>
        <translation>Evidence…</translation>
    </message>
    <message>
        <source>Chọn tệp minh chứng của hồ sơ cho tiêu chí %1</source>
        <translation>Choose the dossier&apos;s evidence files for criterion %1</translation>
    </message>
    <message>
        <source>%1/%2 điểm</source>
        <translation>%1/%2 pts</translation>
    </message>
</context>
<context>
    <name>ScoreGroupHeader</name>
    <message>
        <source>%1 (tối đa %2 điểm)</source>
        <translation>%1 (max. %2 points)</translation>
    </message>
    <message>
        <source>%1/%2 điểm</source>
        <translation>%1/%2 pts</translation>
    </message>
</context>
<context>
    <name>ScoreOptionButton</name>
    <message numerus="yes">
        <source>%n điểm</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>(bản in: %1)</source>
        <translation>(printed: %1)</translation>
    </message>
    <message>
        <source>Mức tối thiểu phải đạt để được xếp hạng %1 sao trở lên.</source>
        <translation>The minimum a product must reach to be rated %1 stars or more.</translation>
    </message>
    <message>
        <source>Văn bản in %1 điểm; dùng %2 điểm theo danh sách đính chính của bộ tiêu chí.</source>
        <translation>The decision prints %1 points; %2 points are used, per the rule set&apos;s list of corrections.</translation>
    </message>
    <message>
        <source>Phương án Có/Không thêm vào cho tiêu chí 1 điểm (văn bản không in).</source>
        <translation>Yes/No option added for a 1-point criterion (not printed in the decision).</translation>
    </message>
</context>
<context>
    <name>ScoreParentCard</name>
    <message>
        <source>%1/%2 điểm</source>
        <translation>%1/%2 pts</translation>
    </message>
</context>
<context>
    <name>ScorePartHeader</name>
    <message>
        <source>PHẦN %1: %2 (%3 điểm)</source>
        <translation>PART %1: %2 (%3 points)</translation>
    </message>
</context>
<context>
    <name>ScoreSheetEditor</name>
    <message>
        <source>(tệp đã xóa)</source>
        <translation>(file removed)</translation>
    </message>
    <message>
        <source>Không trộn hai trường hợp</source>
        <translation>Do not mix the two cases</translation>
    </message>
    <message>
        <source>Tiêu chí %1 đã chấm theo Trường hợp %2 (%3). Các tiêu chí có hai trường hợp mô tả cùng một dịch vụ, nên cả phiếu chấm theo một trường hợp. Muốn chấm theo Trường hợp %4, hãy bỏ chọn tiêu chí %1 (phím 0) và các tiêu chí khác đã chấm theo Trường hợp %2 trước.</source>
        <translation>Criterion %1 is scored under Case %2 (%3). The criteria with two cases describe the same service, so the whole sheet is scored under one case. To score under Case %4, first clear criterion %1 (key 0) and the other criteria scored under Case %2.</translation>
    </message>
</context>
<context>
    <name>ScoreSummaryPanel</name>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Kết quả tạm tính</source>
        <translation>Running result</translation>
    </message>
    <message>
        <source>Phần %1</source>
        <translation>Part %1</translation>
    </message>
    <message>
        <source>Tổng điểm</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Theo tổng điểm: hạng %1 sao</source>
        <translation>By total: %1-star band</translation>
    </message>
    <message>
        <source>Xếp hạng</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Xếp hạng (tạm tính)</source>
        <translation>Rating (so far)</translation>
    </message>
    <message>
        <source>Bị loại</source>
        <translation>Eliminated</translation>
    </message>
    <message>
        <source>Hồ sơ bị loại: %1</source>
        <translation>Dossier rejected: %1</translation>
    </message>
    <message>
        <source>Điểm dừng ở tiêu chí %1: %2</source>
        <translation>Stop at criterion %1: %2</translation>
    </message>
    <message>
        <source>Sản phẩm bị loại, không xếp hạng (điểm vẫn được tính).</source>
        <translation>The product is eliminated and not rated (points are still counted).</translation>
    </message>
    <message>
        <source>%1 sao</source>
        <translation>%1 stars</translation>
    </message>
    <message>
        <source>Chưa đạt hạng OCOP (cần từ 3 sao).</source>
        <translation>Not an OCOP rating yet (3 stars needed).</translation>
    </message>
    <message>
        <source>Mức tối thiểu %1: đạt</source>
        <translation>Minimum %1: met</translation>
    </message>
    <message>
        <source>Mức tối thiểu %1: chưa đạt (%2)</source>
        <translation>Minimum %1: not met (%2)</translation>
    </message>
    <message>
        <source>Phiếu không có mức tối thiểu theo sao.</source>
        <translation>This sheet has no star minimums.</translation>
    </message>
    <message>
        <source>Đã đạt hạng cao nhất.</source>
        <translation>Highest rating reached.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Để lên %1 sao:&lt;/b&gt;</source>
        <translation>&lt;b&gt;To reach %1 stars:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>cần thêm %1 điểm</source>
        <translation>%1 more points needed</translation>
    </message>
    <message>
        <source>đạt mức tối thiểu ở tiêu chí: %1 (Ctrl+B)</source>
        <translation>reach the minimum in criteria: %1 (Ctrl+B)</translation>
    </message>
    <message numerus="yes">
        <source>Còn %n tiêu chí chưa chấm.</source>
        <translation>
            <numerusform>%n criterion not scored yet.</numerusform>
            <numerusform>%n criteria not scored yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đến tiêu chí chưa chấm (Ctrl+J)</source>
        <translation>Go to the next one (Ctrl+J)</translation>
    </message>
    <message>
        <source>Đã chấm đủ các tiêu chí.</source>
        <translation>Every criterion is scored.</translation>
    </message>
    <message>
        <source>Dấu ***, ****, ***** bên phương án: mức tối thiểu phải đạt ở tiêu chí đó để được xếp hạng 3, 4, 5 sao.</source>
        <translation>*** / **** / ***** beside an option: the minimum to reach in that criterion for a 3, 4 or 5-star rating.</translation>
    </message>
</context>
<context>
    <name>ScoringTab</name>
    <message>
        <source>Hồ sơ:</source>
        <translation>Dossier:</translation>
    </message>
    <message>
        <source>Thành viên:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>Xuất phân công cho máy chấm…</source>
        <translation>Export assignment for laptop…</translation>
    </message>
    <message>
        <source>Gói phân công của thành viên đang chọn: các hồ sơ của đợt còn chờ chấm, kèm tài liệu minh chứng, để chấm trên máy tính riêng.</source>
        <translation>The selected member&apos;s assignment package: the round&apos;s dossiers still to be scored, with their evidence, for scoring on their own laptop.</translation>
    </message>
    <message>
        <source>Nhập phiếu chấm từ máy…</source>
        <translation>Import sheets from laptop…</translation>
    </message>
    <message>
        <source>Bỏ bản nháp…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>Xóa bản nháp phiếu đang nhập dở của thành viên này (phiếu đã lưu, nếu có, giữ nguyên).</source>
        <translation>Delete the half-typed draft of this member&apos;s sheet (the stored sheet, if any, is kept).</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ và một thành viên để nhập phiếu chấm của thành viên đó (người vắng mặt ở phiên họp không có phiếu; thư ký không chấm).</source>
        <translation>Select a dossier and a member to type in that member&apos;s score sheet (members absent from the meeting have no sheet; the secretary does not score).</translation>
    </message>
    <message>
        <source>%1. %2 — %3/%4 phiếu</source>
        <translation>%1. %2 — %3/%4 sheets</translation>
    </message>
    <message>
        <source>Đã có %1/%2 phiếu; còn thiếu phiếu của %3.</source>
        <translation>%1/%2 sheets in; missing: %3.</translation>
    </message>
    <message>
        <source>Đã có đủ %1 phiếu: có thể tổng hợp ở thẻ “Tổng hợp”.</source>
        <translation>All %1 sheets are in: aggregate on the “Aggregation” tab.</translation>
    </message>
    <message>
        <source>nháp, còn thiếu %1 tiêu chí</source>
        <translation>draft, %1 criteria missing</translation>
    </message>
    <message>
        <source>chưa có phiếu</source>
        <translation>no sheet yet</translation>
    </message>
    <message>
        <source>bị loại</source>
        <translation>eliminated</translation>
    </message>
    <message>
        <source>%1 điểm %2</source>
        <translation>%1 points %2</translation>
    </message>
    <message>
        <source>Hãy chọn một hồ sơ và thành viên cần xuất gói phân công.</source>
        <translation>Select a dossier and the member to export the assignment for.</translation>
    </message>
    <message>
        <source>Đang mở phiếu của %1 %2…</source>
        <translation>Opening the sheet of %1 %2…</translation>
    </message>
    <message>
        <source>Bản nháp phiếu của %1 lưu lúc %2 (còn thiếu %3 tiêu chí) đã bị bỏ: %4. Đang hiện phiếu đã lưu.</source>
        <translation>The draft sheet of %1 saved at %2 (%3 criteria missing) was discarded: %4. Showing the stored sheet.</translation>
    </message>
    <message>
        <source>Phiếu của %1 (chỉ xem: hồ sơ đã có kết quả đề nghị hoặc quyết định).</source>
        <translation>Sheet of %1 (read only: the dossier has a proposal or a decision).</translation>
    </message>
    <message>
        <source>Phiếu của %1: còn %2 tiêu chí chưa chấm (%3). Bản nháp được lưu tự động trên máy này; phiếu được ghi nhận khi chấm đủ.</source>
        <translation>Sheet of %1: %2 criteria not scored yet (%3). The draft is saved automatically on this computer; the sheet is recorded once complete.</translation>
    </message>
    <message>
        <source>Bỏ bản nháp phiếu của %1 %2? Các điểm đã nhập dở sẽ mất; phiếu đã lưu (nếu có) giữ nguyên.</source>
        <translation>Discard the draft sheet of %1 %2? The points typed so far will be lost; the stored sheet (if any) is kept.</translation>
    </message>
    <message>
        <source>Bỏ bản nháp</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Giữ lại</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Phiếu của %1: đủ các tiêu chí, được lưu tự động.</source>
        <translation>Sheet of %1: complete, saved automatically.</translation>
    </message>
</context>
<context>
    <name>SearchTable</name>
    <message>
        <source>Tìm (gõ không dấu cũng được)…</source>
        <translation>Search (diacritics optional)…</translation>
    </message>
    <message>
        <source>%1 dòng</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source> · đang hiện %1</source>
        <translation> · showing %1</translation>
    </message>
</context>
<context>
    <name>SendConfirmDialog</name>
    <message>
        <source>Gửi hồ sơ lên tỉnh</source>
        <translation>Send the dossier to the province</translation>
    </message>
    <message>
        <source>Gửi hồ sơ “%1” cho %2</source>
        <translation>Send dossier “%1” to %2</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân trong hồ sơ được mã hóa, chỉ tỉnh đọc được.</source>
        <translation>Personal data in the dossier is encrypted; only the province can read it.</translation>
    </message>
    <message>
        <source>Chưa có khóa mã hóa của tỉnh: dữ liệu cá nhân KHÔNG được mã hóa.</source>
        <translation>No encryption key of the province yet: personal data is NOT encrypted.</translation>
    </message>
    <message>
        <source>Ứng dụng ghi toàn bộ hồ sơ (Mẫu 01, Mẫu 02, phiếu tự đánh giá, Mẫu 03 và các tài liệu minh chứng tỉnh chưa có) vào &lt;b&gt;một tệp gói đồng bộ (.ocoppkg) có chữ ký số&lt;/b&gt; của xã. </source>
        <translation>The application writes the whole dossier (Form 01, Form 02, the self-assessment, Form 03 and the evidence files the province does not have yet) into &lt;b&gt;one signed sync package file (.ocoppkg)&lt;/b&gt; of the commune. </translation>
    </message>
    <message>
        <source>Chỉ khi tệp gói đã được ghi xong, hồ sơ mới chuyển sang “%1” và không sửa được nữa. Nếu bạn hủy trong lúc ghi, không có gì thay đổi.</source>
        <translation>Only once the package file is written does the dossier become “%1” and can no longer be edited. If you cancel while it is being written, nothing changes.</translation>
    </message>
    <message>
        <source>Tệp gói &lt;b&gt;không tự đến tỉnh&lt;/b&gt;: sau khi ghi, hãy chép tệp vào USB hoặc đính kèm e-mail gửi cho tỉnh.</source>
        <translation>The package file &lt;b&gt;does not reach the province by itself&lt;/b&gt;: once written, copy it to a USB stick or attach it to an e-mail to the province.</translation>
    </message>
    <message>
        <source>Chọn nơi khác…</source>
        <translation>Choose another place…</translation>
    </message>
    <message>
        <source>Ghi gói và gửi</source>
        <translation>Write the package and send</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <source>Đang ghi gói gửi tỉnh…</source>
        <translation>Writing the package for the province…</translation>
    </message>
    <message>
        <source>Gói đã ghi xong trước khi kịp hủy: hồ sơ đã chuyển sang “%1”. Tệp gói: %2
Hãy chép tệp vào USB hoặc gửi e-mail cho tỉnh.</source>
        <translation>The package was finished before the cancel arrived: the dossier is now “%1”. Package file: %2
Copy the file to a USB stick or e-mail it to the province.</translation>
    </message>
    <message>
        <source>Đã hủy: không có gói nào được ghi, hồ sơ vẫn ở trạng thái “%1”.</source>
        <translation>Cancelled: no package was written; the dossier is still “%1”.</translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message>
        <source>Đã ghi gói gửi tỉnh</source>
        <translation>Package for the province written</translation>
    </message>
    <message>
        <source>Hồ sơ “%1” đã được ghi vào gói số %2 gửi %3 và chuyển sang “%4”.</source>
        <translation>Dossier “%1” was written into package no. %2 for %3 and is now “%4”.</translation>
    </message>
    <message>
        <source>Gói chưa đến tỉnh. Hãy chép tệp này vào USB hoặc đính kèm vào e-mail gửi %1. Khi tỉnh nhập gói, tỉnh gửi lại một biên nhận: nhập biên nhận đó ở trang Đồng bộ (“Nhập gói…”).</source>
        <translation>The package has not reached the province yet. Copy this file to a USB stick or attach it to an e-mail to %1. When the province imports it, it sends back a receipt: import that receipt on the Sync page (“Import package…”).</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân được mã hóa cho tỉnh.</source>
        <translation>Personal data is encrypted for the province.</translation>
    </message>
    <message>
        <source>Chưa có khóa mã hóa của tỉnh: dữ liệu cá nhân KHÔNG được mã hóa.</source>
        <translation>No encryption key of the province yet: personal data is NOT encrypted.</translation>
    </message>
    <message>
        <source>Mở thư mục chứa gói</source>
        <translation>Open the folder of the package</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>ví dụ: may-chu-tinh hoặc 192.168.1.10</source>
        <translation>e.g. province-server or 192.168.1.10</translation>
    </message>
    <message>
        <source>ví dụ: ocop_tinh</source>
        <translation>e.g. ocop_province</translation>
    </message>
    <message>
        <source>Nhập cả địa chỉ dạng URL (khi cần thêm tùy chọn như sslmode)</source>
        <translation>Enter the full address as a URL (when extra options such as sslmode are needed)</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Máy chủ:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Cổng:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Tên người dùng:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Cần nhập địa chỉ máy chủ.</source>
        <translation>The server address is required.</translation>
    </message>
    <message>
        <source>Đang kết nối tới máy chủ…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Kết nối được %1. Cơ sở dữ liệu chưa có văn phòng nào.</source>
        <translation>Connected to %1. The database has no office yet.</translation>
    </message>
    <message>
        <source>Kết nối được %1. Đây là dữ liệu của “%2” (%3 cán bộ).</source>
        <translation>Connected to %1. This is the data of “%2” (%3 officers).</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Máy chủ cơ sở dữ liệu của văn phòng tỉnh</source>
        <translation>The provincial office&apos;s database server</translation>
    </message>
    <message>
        <source>Các máy của văn phòng cùng làm việc trên một cơ sở dữ liệu PostgreSQL. Người quản trị máy chủ cho biết các thông tin dưới đây.</source>
        <translation>The office&apos;s desks all work on one PostgreSQL database. The server administrator can give you the details below.</translation>
    </message>
    <message>
        <source>Mật khẩu được lưu cùng địa chỉ máy chủ trong tệp database.json của thư mục dữ liệu trên máy này. Để không lưu, bỏ trống mật khẩu và dùng tệp mật khẩu pgpass của PostgreSQL.</source>
        <translation>The password is saved with the server address in the database.json file in this desk&apos;s data folder. To avoid saving it, leave the password empty and use PostgreSQL&apos;s pgpass password file.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Windows DPAPI: chỉ tài khoản Windows này trên máy này mở được khóa. Máy mới hoặc tài khoản khác: khôi phục từ bản sao lưu.</source>
        <translation>Windows DPAPI: only this Windows account on this machine can open the keys. New machine or another account: restore from a backup.</translation>
    </message>
    <message>
        <source>Kho khóa của hệ điều hành ({backend}): mật khẩu của khóa không nằm trong thư mục dữ liệu.</source>
        <translation>Operating system keyring ({backend}): the keys&apos; passphrase is not in the data folder.</translation>
    </message>
    <message>
        <source>Không có kho khóa của hệ điều hành: mật khẩu của khóa nằm trong tệp chỉ tài khoản này đọc được (thư mục “keys”). Ai chép được thư mục dữ liệu thì dùng được khóa: hãy giữ máy và các bản sao lưu cẩn thận.</source>
        <translation>No operating system keyring: the keys&apos; passphrase is in a file only this account can read (the “keys” folder). Whoever copies the data folder can use the keys: look after this machine and its backups.</translation>
    </message>
    <message>
        <source>Chưa có khóa (máy chưa được thiết lập).</source>
        <translation>No keys yet (this machine is not set up).</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Áp dụng ngay và được ghi nhớ cho lần mở sau.</source>
        <translation>Applied at once and remembered for next time.</translation>
    </message>
    <message>
        <source>Cơ quan sử dụng máy này</source>
        <translation>Office using this machine</translation>
    </message>
    <message>
        <source>Thư mục</source>
        <translation>Folders</translation>
    </message>
    <message>
        <source>Sao lưu và bảo vệ khóa</source>
        <translation>Backup and key protection</translation>
    </message>
    <message>
        <source>Sao lưu…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Đơn vị hành chính:</source>
        <translation>Administrative unit:</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa ký:</source>
        <translation>Signing key fingerprint:</translation>
    </message>
    <message>
        <source>Dữ liệu:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <source>Tệp nhật ký:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <source>Khóa của cơ quan:</source>
        <translation>Office keys:</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(not available yet)</translation>
    </message>
    <message>
        <source>Đọc dãy số này qua điện thoại để cơ quan nhận gói kiểm tra đúng là máy của bạn.</source>
        <translation>Read these digits over the phone so that the receiving office can check packages really come from your machine.</translation>
    </message>
    <message>
        <source>Cán bộ và nhật ký thay đổi</source>
        <translation>Officers and change log</translation>
    </message>
    <message>
        <source>Quản lý cán bộ…</source>
        <translation>Manage officers…</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <source>Chỉ cán bộ quản trị mới thêm, đổi tên, ngừng cán bộ và đổi cài đặt, khóa tin cậy.</source>
        <translation>Only administrators add, rename and deactivate officers and change settings and trusted keys.</translation>
    </message>
    <message>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Mở thư mục nhật ký</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Bộ tiêu chí đánh giá</source>
        <translation>Evaluation rule set</translation>
    </message>
    <message>
        <source>Bản sao văn bản Quyết định có vài điểm phần mềm đã hiệu chỉnh hoặc còn nghi vấn; quản trị viên nên xác minh với Công báo.</source>
        <translation>The app&apos;s copy of the Decision has a few points it corrected or that remain doubtful; administrators should check them against the Official Gazette.</translation>
    </message>
    <message>
        <source>Xem đính chính và giá trị nghi vấn…</source>
        <translation>See corrections and doubtful values…</translation>
    </message>
</context>
<context>
    <name>SheetHeader</name>
    <message>
        <source>Chỉ xem</source>
        <translation>View only</translation>
    </message>
    <message>
        <source>Chưa lưu được</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Đang chờ lưu…</source>
        <translation>Saving soon…</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Phiếu tự đánh giá</source>
        <translation>Self-assessment sheet</translation>
    </message>
    <message>
        <source>Phiếu chấm của thành viên hội đồng</source>
        <translation>Council member&apos;s score sheet</translation>
    </message>
    <message>
        <source>Phiếu đánh giá</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>%1 — Bộ %2 (%3): %4</source>
        <translation>%1 — Set %2 (%3): %4</translation>
    </message>
    <message>
        <source>Bộ tiêu chí %1 · mã băm %2…  ·  Phím: ↑/↓ tiêu chí, 1–9 chọn phương án, 0 bỏ chọn, PgUp/PgDn nhóm, Ctrl+J chưa chấm</source>
        <translation>Rule set %1 · hash %2…  ·  Keys: ↑/↓ criterion, 1–9 choose an option, 0 clear, PgUp/PgDn group, Ctrl+J unanswered</translation>
    </message>
    <message>
        <source>Chỉ xem: phiếu này không sửa được nữa (hồ sơ đã gửi đi hoặc đã có kết quả).</source>
        <translation>View only: this sheet can no longer be changed (the dossier has been sent or has a result).</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <source>Hồ sơ bị loại khi (đánh dấu nếu có)</source>
        <translation>The dossier is rejected when (tick if so)</translation>
    </message>
    <message>
        <source>Ý kiến của người đánh giá</source>
        <translation>Evaluator&apos;s opinion</translation>
    </message>
</context>
<context>
    <name>StoreBox</name>
    <message>
        <source>Từ lần mở sau, máy này làm việc trên tệp SQLite của chính nó (%1). Tệp đó không có những gì đã làm trên máy chủ; máy chủ và các máy khác vẫn giữ nguyên. Tiếp tục?</source>
        <translation>From the next start, this desk works on its own SQLite file (%1). That file does not have the work done on the server; the server and the other desks stay as they are. Continue?</translation>
    </message>
    <message>
        <source>Dùng tệp trên máy này</source>
        <translation>Use this desk&apos;s file</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nơi lưu dữ liệu</source>
        <translation>Data storage</translation>
    </message>
    <message>
        <source>Dữ liệu:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <source>Tài liệu (bản quét):</source>
        <translation>Documents (scans):</translation>
    </message>
    <message>
        <source>Chuyển sang máy chủ…</source>
        <translation>Move to a server…</translation>
    </message>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Từ lần mở sau: %1. Hãy đóng và mở lại OCOP Desktop để áp dụng.</source>
        <translation>From the next start: %1. Close and reopen OCOP Desktop to apply it.</translation>
    </message>
    <message>
        <source>Máy chủ được chọn cho lần chạy này (--database).</source>
        <translation>Server chosen for this run (--database).</translation>
    </message>
    <message>
        <source>Máy chủ PostgreSQL %1 (dùng chung với các máy của văn phòng)</source>
        <translation>PostgreSQL server %1 (shared with the office&apos;s desks)</translation>
    </message>
    <message>
        <source>Tệp SQLite trên máy này: %1</source>
        <translation>SQLite file on this desk: %1</translation>
    </message>
</context>
<context>
    <name>StoreMoveDialog</name>
    <message>
        <source>Chuyển dữ liệu sang máy chủ</source>
        <translation>Move the data to a server</translation>
    </message>
    <message>
        <source>Chép toàn bộ dữ liệu của máy này vào một cơ sở dữ liệu PostgreSQL trống của văn phòng tỉnh, rồi đối chiếu từng bảng và nhật ký kiểm toán. Tệp SQLite trên máy này được giữ nguyên. Hãy chuyển khi không ai đang nhập liệu: những gì ghi vào tệp sau đó không có trên máy chủ.</source>
        <translation>Copies all of this desk&apos;s data into an empty PostgreSQL database of the provincial office, then checks every table and the audit log. The SQLite file on this desk is kept as it is. Move when nobody is entering data: anything written to the file afterwards will not be on the server.</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Dùng máy chủ này từ lần mở sau</source>
        <translation>Use this server from the next start</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này đã có dữ liệu của “%1”: chỉ chuyển được vào một cơ sở dữ liệu trống. Chưa có gì bị thay đổi.</source>
        <translation>This database already holds the data of “%1”: data can only be moved into an empty database. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Đang bắt đầu…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Đang hủy… (máy chủ không giữ lại gì)</source>
        <translation>Cancelling… (the server keeps nothing)</translation>
    </message>
    <message>
        <source>Đã chuyển %1 dòng (%2 bảng) sang %3 trong %4 giây. Số dòng và mã băm nội dung của từng bảng khớp với tệp; nhật ký kiểm toán trên máy chủ đúng (%5 mục). Tệp SQLite được giữ nguyên: %6. Tài liệu (blobs) và khóa (keys) vẫn ở thư mục dữ liệu của máy này.</source>
        <translation>Moved %1 rows (%2 tables) to %3 in %4 seconds. The row count and content hash of every table match the file; the audit log on the server checks out (%5 entries). The SQLite file is kept unchanged: %6. Documents (blobs) and keys (keys) stay in this desk&apos;s data folder.</translation>
    </message>
    <message>
        <source>Đã hủy: máy chủ không giữ lại gì, tệp SQLite không bị thay đổi.</source>
        <translation>Cancelled: the server keeps nothing and the SQLite file is unchanged.</translation>
    </message>
    <message>
        <source>Từ lần mở sau, máy này làm việc trên máy chủ. Hãy đóng và mở lại OCOP Desktop. Để các máy khác ký được: sau khi mở lại, Cài đặt › Chia sẻ khóa cho các máy…</source>
        <translation>From the next start, this desk works on the server. Close and reopen OCOP Desktop. So that the other desks can sign: after reopening, Settings › Share the keys with the desks…</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Đã hủy; không có gói nào được ghi và không có gì thay đổi.</source>
        <translation>Cancelled; no package was written and nothing changed.</translation>
    </message>
    <message>
        <source>Chưa có xã nào được tin cậy: hãy nhập gói đăng ký của xã và xác nhận dấu vân tay trước.</source>
        <translation>No commune is trusted yet: import a commune&apos;s enrollment package and confirm its fingerprint first.</translation>
    </message>
    <message>
        <source>Chưa có cơ quan cấp tỉnh được tin cậy: hãy nhập gói dữ liệu tham chiếu của tỉnh (và xác nhận dấu vân tay) trước khi gửi hồ sơ.</source>
        <translation>No provincial office is trusted yet: import the province&apos;s reference package (and confirm the fingerprint) before sending dossiers.</translation>
    </message>
    <message>
        <source>Đang xuất gói…</source>
        <translation>Exporting the package…</translation>
    </message>
    <message>
        <source>Đã ghi gói số %1 gửi %2: %3 hồ sơ, %4 tệp đính kèm (%5 tệp bên nhận đã có không gửi lại).</source>
        <translation>Package no. %1 for %2 written: %3 dossiers, %4 attachments (%5 files the recipient already holds were not sent again).</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân được mã hóa.</source>
        <translation>Personal data is encrypted.</translation>
    </message>
    <message>
        <source>Chưa có khóa mã hóa của bên nhận: dữ liệu cá nhân KHÔNG được mã hóa.</source>
        <translation>The recipient&apos;s encryption key is not known: personal data is NOT encrypted.</translation>
    </message>
    <message>
        <source>Đã xuất gói</source>
        <translation>Package exported</translation>
    </message>
    <message>
        <source>Đã ghi gói đăng ký: %1
Gửi gói này cho %2. Khi bên nhận gọi điện, hãy đọc dấu vân tay khóa hiển thị ở trang Đồng bộ để họ so sánh.</source>
        <translation>Enrollment package written: %1
Send it to %2. When they call, read out the key fingerprint shown on the Sync page so they can compare.</translation>
    </message>
    <message>
        <source>Đang xuất gói dữ liệu tham chiếu…</source>
        <translation>Exporting the reference package…</translation>
    </message>
    <message>
        <source>Đã ghi gói dữ liệu tham chiếu (bộ tiêu chí, lịch nghỉ, danh mục hồ sơ và khóa của tỉnh): %1</source>
        <translation>Reference package written (rule sets, holidays, checklists and the province&apos;s keys): %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Đồng bộ với các xã</source>
        <translation>Sync with the communes</translation>
    </message>
    <message>
        <source>Đồng bộ với cấp tỉnh</source>
        <translation>Sync with the province</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Khóa của cơ quan</source>
        <translation>Office key</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa ký của máy này. Khi bên kia nhập gói đăng ký hoặc gói tham chiếu của cơ quan, hãy đọc 30 chữ số này qua điện thoại để họ so sánh.</source>
        <translation>The signing-key fingerprint of this computer. When the other office imports this office&apos;s enrollment or reference package, read these 30 digits to them over the phone so they can compare.</translation>
    </message>
    <message>
        <source>Xuất kết quả gửi xã…</source>
        <translation>Export results for a commune…</translation>
    </message>
    <message>
        <source>Xuất gói gửi tỉnh…</source>
        <translation>Export package for the province…</translation>
    </message>
    <message>
        <source>Nhập gói…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <source>Xuất gói đăng ký…</source>
        <translation>Export enrollment…</translation>
    </message>
    <message>
        <source>Xuất gói tham chiếu…</source>
        <translation>Export reference package…</translation>
    </message>
    <message>
        <source>Cảnh báo việc chưa tới nơi quá (ngày):</source>
        <translation>Warn about undelivered work after (days):</translation>
    </message>
    <message>
        <source>Xem và xử lý…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Bản gửi đến trùng lúc với thay đổi trên máy này: xem hai bản cạnh nhau rồi chọn giữ bản nào.</source>
        <translation>An incoming version crossed a change made here: compare both side by side and choose which to keep.</translation>
    </message>
    <message>
        <source>Chờ biên nhận (%1)</source>
        <translation>Awaiting receipt (%1)</translation>
    </message>
    <message>
        <source>Đã nhận (%1)</source>
        <translation>Received (%1)</translation>
    </message>
    <message>
        <source>Cơ quan liên quan (%1)</source>
        <translation>Peer offices (%1)</translation>
    </message>
    <message>
        <source>Chưa tới nơi (%1)</source>
        <translation>Not delivered (%1)</translation>
    </message>
    <message>
        <source>Xung đột (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <source>Hộp thư (%1 chờ gửi)</source>
        <translation>Mailbox (%1 to send)</translation>
    </message>
    <message>
        <source>Hộp thư</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Đang đọc tình trạng đồng bộ…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>Chưa có cơ quan nào được tin cậy. Xã: xuất gói đăng ký gửi tỉnh và nhập gói tham chiếu của tỉnh; tỉnh: nhập gói đăng ký của xã. Mỗi lần đều so sánh dấu vân tay qua điện thoại.</source>
        <translation>No office is trusted yet. Commune: export the enrollment for the province and import the province&apos;s reference package; province: import the commune&apos;s enrollment. Each time, compare the fingerprint over the phone.</translation>
    </message>
    <message>
        <source>tỉnh</source>
        <translation>the province</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Lần nhận biên nhận gần nhất từ %1: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Last receipt from %1: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 gói chờ biên nhận</source>
        <translation>%1 packages awaiting receipt</translation>
    </message>
    <message>
        <source>… và %1 cơ quan khác (thẻ “Cơ quan liên quan”).</source>
        <translation>… and %1 more offices (“Peer offices” tab).</translation>
    </message>
</context>
<context>
    <name>SyncTabs</name>
    <message>
        <source>Cấp xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Cấp tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>mới</source>
        <translation>new</translation>
    </message>
    <message>
        <source>cập nhật</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>không đổi</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>cũ</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>xung đột</source>
        <translation>conflicting</translation>
    </message>
    <message>
        <source>xác nhận gói đã gửi</source>
        <translation>confirms a package sent</translation>
    </message>
    <message>
        <source>khóa của cơ quan, dữ liệu tham chiếu</source>
        <translation>office keys, reference data</translation>
    </message>
    <message>
        <source>khóa của cơ quan</source>
        <translation>office keys</translation>
    </message>
    <message>
        <source>Gói</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Gửi cho</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Số gói</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ghi lúc</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Chờ biên nhận</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Nhập lúc</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Loại gói</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>đã cấp</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa ký</source>
        <translation>Signing-key fingerprint</translation>
    </message>
    <message>
        <source>Mã hóa</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Gói nhận gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <source>Biên nhận gần nhất</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <source>Gói chờ biên nhận</source>
        <translation>Awaiting receipt</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Trạng thái hồ sơ</source>
        <translation>Dossier status</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Số ngày</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Khác nhau ở</source>
        <translation>Differs in</translation>
    </message>
    <message>
        <source>Phát hiện lúc</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>%1 hồ sơ chưa tới nơi nhận quá %2 ngày (lâu nhất %3 ngày). Hãy xuất gói và gửi đi, hoặc nhập biên nhận của bên kia.</source>
        <translation>%1 dossiers have not reached the other office for more than %2 days (longest %3 days). Export and send a package, or import the other office&apos;s receipt.</translation>
    </message>
</context>
<context>
    <name>SyncWidgets</name>
    <message>
        <source>hôm nay</source>
        <translation>today</translation>
    </message>
    <message>
        <source>%1 ngày</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose a sync package</translation>
    </message>
    <message>
        <source>Gói đồng bộ OCOP (%1);;Mọi tệp (*)</source>
        <translation>OCOP sync packages (%1);;All files (*)</translation>
    </message>
    <message>
        <source>Lưu gói đồng bộ</source>
        <translation>Save sync package</translation>
    </message>
    <message>
        <source>Gói đồng bộ OCOP (%1)</source>
        <translation>OCOP sync packages (%1)</translation>
    </message>
</context>
<context>
    <name>TrustGuideDialog</name>
    <message>
        <source>Chưa gửi được: tỉnh chưa được tin cậy</source>
        <translation>Not sent yet: the province is not trusted</translation>
    </message>
    <message>
        <source>Máy này chưa nhận gói dữ liệu tham chiếu của tỉnh, nên chưa có khóa của tỉnh để gửi hồ sơ an toàn. Chưa có gì được gửi: hồ sơ vẫn ở trạng thái “%1”. Hãy làm lần lượt các bước sau (chỉ cần làm một lần cho máy này):</source>
        <translation>This computer has not received the province&apos;s reference pack, so it has no province key to send dossiers safely. Nothing was sent: the dossier is still “%1”. Do these steps in order (once for this computer):</translation>
    </message>
    <message>
        <source>&lt;b&gt;Xuất gói đăng ký của xã&lt;/b&gt; (nút “Xuất gói đăng ký…” bên dưới) và gửi tệp đó cho Văn phòng OCOP tỉnh qua USB hoặc e-mail.</source>
        <translation>&lt;b&gt;Export the commune&apos;s enrollment pack&lt;/b&gt; (the “Export enrollment pack…” button below) and send that file to the provincial OCOP office by USB stick or e-mail.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gọi điện cho tỉnh và đọc dấu vân tay khóa của xã&lt;/b&gt; dưới đây, để cán bộ tỉnh so khớp khi nhập gói đăng ký:</source>
        <translation>&lt;b&gt;Phone the province and read out the commune&apos;s key fingerprint&lt;/b&gt; below, so that the province officer can compare it when importing the enrollment pack:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chờ tỉnh gửi lại gói dữ liệu tham chiếu.&lt;/b&gt; Nhập gói đó ở trang Đồng bộ → “Nhập gói…”, và gõ dấu vân tay của tỉnh do cán bộ tỉnh đọc qua điện thoại.</source>
        <translation>&lt;b&gt;Wait for the province&apos;s reference pack.&lt;/b&gt; Import it on the Sync page → “Import package…”, and type the province&apos;s fingerprint that the province officer reads out on the phone.</translation>
    </message>
    <message>
        <source>Mở lại hồ sơ này và bấm “Gửi hồ sơ lên tỉnh”.</source>
        <translation>Open this dossier again and press “Send the dossier to the province”.</translation>
    </message>
    <message>
        <source>Xuất gói đăng ký…</source>
        <translation>Export enrollment pack…</translation>
    </message>
    <message>
        <source>Mở thư mục chứa gói</source>
        <translation>Open the folder of the package</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đã ghi gói đăng ký: %1
Hãy gửi tệp này cho tỉnh (bước 1), rồi gọi điện (bước 2).</source>
        <translation>Enrollment pack written: %1
Send this file to the province (step 1), then phone (step 2).</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Đơn vị hành chính</source>
        <translation>Administrative unit</translation>
    </message>
    <message>
        <source>Gõ tên tỉnh/thành phố, ví dụ: ha noi</source>
        <translation>Type the province/city name, e.g. ha noi</translation>
    </message>
    <message>
        <source>Gõ tên xã/phường, ví dụ: hoan kiem</source>
        <translation>Type the commune/ward name, e.g. hoan kiem</translation>
    </message>
    <message>
        <source>Xã/phường/đặc khu</source>
        <translation>Commune/ward/special zone</translation>
    </message>
    <message>
        <source>Tỉnh/thành phố</source>
        <translation>Province/city</translation>
    </message>
    <message>
        <source>Chọn trong danh mục đơn vị hành chính chính thức (mã theo QĐ 19/2025). Gõ không dấu cũng tìm được.</source>
        <translation>Choose from the official list of administrative units (codes of Decision 19/2025). Typing without diacritics works too.</translation>
    </message>
    <message>
        <source>Hãy chọn tỉnh/thành phố trong danh sách.</source>
        <translation>Please choose a province/city from the list.</translation>
    </message>
    <message>
        <source>Hãy chọn xã/phường trong danh sách.</source>
        <translation>Please choose a commune/ward from the list.</translation>
    </message>
</context>
<context>
    <name>Where</name>
    <message>
        <source>Thư mục:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Tên tệp:</source>
        <translation>File name:</translation>
    </message>
</context>
<context>
    <name>WithdrawalNotice</name>
    <message>
        <source>Đã xem</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Ẩn thông báo này trên mọi máy của tỉnh (ghi vào lịch sử hồ sơ).</source>
        <translation>Hide this notice on every desk of the province (recorded in the dossier&apos;s history).</translation>
    </message>
    <message>
        <source>Chủ thể đã rút %1 hồ sơ của đợt này. Hồ sơ đã được đưa ra khỏi tổng hợp điểm, xếp hạng và dự thảo quyết định; phiếu chấm đã nhập được giữ để lưu. Máy chấm điểm đã nhận phân công trước đó: hãy gửi lại gói phân công.</source>
        <translation>Producers have withdrawn %1 dossiers of this round. The dossiers were taken out of the score aggregate, the ranking and the draft decision; scoring sheets already entered are kept for the record. Scoring laptops that received their assignment earlier: send the assignment package again.</translation>
    </message>
    <message>
        <source>• %1 (%2), rút ngày %3</source>
        <translation>• %1 (%2), withdrawn on %3</translation>
    </message>
    <message>
        <source>… và %1 hồ sơ khác</source>
        <translation>… and %1 other dossiers</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Xuất gói đăng ký máy chấm</source>
        <translation>Export enrollment package</translation>
    </message>
    <message>
        <source>Gói có khóa công khai của máy này, để tỉnh liên kết máy với bạn.</source>
        <translation>A package with this computer&apos;s public keys, so the province can link it to you.</translation>
    </message>
    <message>
        <source>Nhập gói phân công…</source>
        <translation>Import assignment…</translation>
    </message>
    <message>
        <source>Xuất phiếu chấm…</source>
        <translation>Export score sheets…</translation>
    </message>
    <message>
        <source>Gói phiếu chấm đã ký, mã hóa cho tỉnh (chỉ gồm phiếu đã chấm đủ).</source>
        <translation>Signed score sheets, encrypted for the province (complete sheets only).</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Đã chấm</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Hồ sơ được phân công</source>
        <translation>Assigned dossiers</translation>
    </message>
    <message>
        <source>Phiếu chấm</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào được phân công cho máy này</source>
        <translation>No dossiers have been assigned to this computer yet</translation>
    </message>
    <message>
        <source>Bấm “Xuất gói đăng ký máy chấm”, gửi gói cho cơ quan OCOP tỉnh và đọc dấu vân tay qua điện thoại cho cán bộ tỉnh.</source>
        <translation>Press “Export enrollment package”, send the package to the provincial OCOP office and read the fingerprint to the province officer by phone.</translation>
    </message>
    <message>
        <source>Khi nhận được gói phân công của tỉnh, bấm “Nhập gói phân công…”.</source>
        <translation>When the province&apos;s assignment package arrives, press “Import assignment…”.</translation>
    </message>
    <message>
        <source>Chấm từng hồ sơ, rồi bấm “Xuất phiếu chấm…” và gửi gói cho tỉnh.</source>
        <translation>Score each dossier, then press “Export score sheets…” and send the package to the province.</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lỗi phần mềm</source>
        <translation>Software error</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Chú ý</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Thông báo</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Bạn đã nhập dữ liệu nhưng chưa lưu. Bỏ các thay đổi và đóng?</source>
        <translation>You have entered data that is not saved. Discard the changes and close?</translation>
    </message>
    <message>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Tiếp tục sửa</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>Chưa lưu</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>holder</name>
    <message>
        <source>Xem nhật ký</source>
        <translation>See the log</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
