"""The domain's labels in the interface language. The domain names statuses, registration types,
steps, producer kinds, council modes… in Vietnamese (they are the records' own words, printed on
the forms); the UI shows them through `label_text`, so English mode shows them in English. The
table repeats each label for lupdate (context "DomainLabels"); a test keeps it in step with the
domain."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "DomainLabels"

LABELS = (
    # dossiers.RegistrationType
    QT_TRANSLATE_NOOP("DomainLabels", "Đánh giá lần đầu"),
    QT_TRANSLATE_NOOP("DomainLabels", "Nâng hạng"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đánh giá lại"),
    # dossiers.Status
    QT_TRANSLATE_NOOP("DomainLabels", "Đang soạn"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đủ thành phần"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã tiếp nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Xã đã đánh giá (Mẫu 03)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã gửi tỉnh"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tỉnh đã tiếp nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tỉnh trả lại để bổ sung"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã có quyết định"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã hủy (chủ thể rút)"),
    # dossiers.Action
    QT_TRANSLATE_NOOP("DomainLabels", "Xác nhận đủ thành phần"),
    QT_TRANSLATE_NOOP("DomainLabels", "Mở lại để sửa"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tiếp nhận và cấp số phiếu"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hoàn thành đánh giá của xã (Mẫu 03)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Gửi hồ sơ lên tỉnh"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tỉnh tiếp nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tỉnh trả lại"),
    QT_TRANSLATE_NOOP("DomainLabels", "Có quyết định công nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hủy hồ sơ"),
    # paper_outcome.PAPER_LABELS
    QT_TRANSLATE_NOOP("DomainLabels", "Ghi nhận: tỉnh đã tiếp nhận (theo văn bản giấy)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ghi nhận: tỉnh trả lại (theo văn bản giấy)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ghi nhận: tỉnh đã có quyết định (theo văn bản giấy)"),
    # producers.ProducerKind
    QT_TRANSLATE_NOOP("DomainLabels", "Hợp tác xã"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tổ hợp tác"),
    QT_TRANSLATE_NOOP("DomainLabels", "Doanh nghiệp nhỏ và vừa"),
    QT_TRANSLATE_NOOP("DomainLabels", "Trang trại"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hộ sản xuất"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hộ kinh doanh có đăng ký"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hội, hiệp hội, trung tâm điều hành (chỉ du lịch)"),
    # province.EntryStatus, CouncilMode, MemberRole, NoteKind
    QT_TRANSLATE_NOOP("DomainLabels", "Đã phân vào đợt"),
    QT_TRANSLATE_NOOP("DomainLabels", "Cần chấm lại"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã tổng hợp điểm"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã đề nghị công nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Không đủ điều kiện công nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã có kết quả của Bộ"),
    QT_TRANSLATE_NOOP("DomainLabels", "Chủ thể đã rút hồ sơ"),
    QT_TRANSLATE_NOOP("DomainLabels", "Họp Hội đồng"),
    QT_TRANSLATE_NOOP("DomainLabels", "Lấy ý kiến bằng văn bản"),
    QT_TRANSLATE_NOOP("DomainLabels", "Chủ tịch Hội đồng"),
    QT_TRANSLATE_NOOP("DomainLabels", "Thành viên"),
    QT_TRANSLATE_NOOP("DomainLabels", "Thư ký"),
    QT_TRANSLATE_NOOP("DomainLabels", "Báo cáo thẩm định hồ sơ"),
    QT_TRANSLATE_NOOP("DomainLabels", "Biên bản kiểm tra thực tế"),
    QT_TRANSLATE_NOOP("DomainLabels", "Kết quả kiểm nghiệm bổ sung"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ghi chú khác"),
    # checklist.Requirement, ItemStatus
    QT_TRANSLATE_NOOP("DomainLabels", "Bắt buộc"),
    QT_TRANSLATE_NOOP("DomainLabels", "Nếu có"),
    QT_TRANSLATE_NOOP("DomainLabels", "Không áp dụng"),
    QT_TRANSLATE_NOOP("DomainLabels", "Chưa có"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đã có"),
    QT_TRANSLATE_NOOP("DomainLabels", "Không nộp"),
    # deadlines.Urgency
    QT_TRANSLATE_NOOP("DomainLabels", "Trong hạn"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sắp đến hạn"),
    QT_TRANSLATE_NOOP("DomainLabels", "Quá hạn"),
    # certificate_state.CertificateState
    QT_TRANSLATE_NOOP("DomainLabels", "Chưa có chứng nhận"),
    QT_TRANSLATE_NOOP("DomainLabels", "Còn hiệu lực"),
    QT_TRANSLATE_NOOP("DomainLabels", "Đến kỳ đánh giá lại"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hết hạn"),
    # services.core.setup.Role (the office's role, named in the status bar and Settings)
    QT_TRANSLATE_NOOP("DomainLabels", "UBND cấp xã (xã, phường, đặc khu)"),
    QT_TRANSLATE_NOOP("DomainLabels", "Cơ quan OCOP cấp tỉnh"),
    QT_TRANSLATE_NOOP("DomainLabels", "Thành viên Hội đồng / Tổ tư vấn (máy chấm điểm)"),
)


def label_text(label: str) -> str:
    """A domain label (Vietnamese, as the domain and the services give it) in the interface
    language; a label the table does not know is shown as it is."""
    return QCoreApplication.translate(CONTEXT, label)
