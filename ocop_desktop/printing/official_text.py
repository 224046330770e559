"""Fixed wording of Phụ lục III of QĐ 26/2026/QĐ-TTg (forms Mẫu 01–03), kept verbatim so the
printed forms read exactly as the decision's templates."""

from __future__ import annotations

DECISION = "Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ"

MAU01_TITLE = "PHIẾU ĐĂNG KÝ"
MAU01_SUBTITLE = "Tham gia đánh giá, phân hạng sản phẩm OCOP"
MAU01_NAME = "Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP"
MAU01_PLEDGE = (
    "Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy "
    "định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký "
    "đánh giá, phân hạng sản phẩm."
)
MAU01_FOOTNOTE = "Theo Phụ lục I về Danh mục phân loại sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP."

# The legal representative's sex, as Mẫu 02 (Phần I, 5) and Mẫu 03 (I, 4) print it: the choice
# "(Nam/nữ)" is part of the label, the answer is written after it.
GENDER_LABEL = "- Giới tính: (Nam/nữ) "

MAU02_TITLE = "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM"
MAU02_PART2_INTRO = (
    "Nội dung yêu cầu: Đánh giá kết quả triển khai phương án sản xuất, kinh doanh của chủ thể theo Phương án "
    "sản xuất, kinh doanh khi tham gia OCOP."
)
MAU02_PART2_TOPICS = (
    "Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm của chủ thể.",
    "Sự thay đổi về chất lượng sản phẩm: chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn mác, hình thức đóng gói,...",
    "Thị trường phân phối sản phẩm.",
    "Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận.",
)
MAU02_PART3_INTRO = (
    "Căn cứ vào Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP tương ứng với sản phẩm đăng ký, chủ thể tự đánh "
    "giá về kết quả (điểm số) có thể đạt theo thứ tự từng tiêu chí.",
    "Mô tả, chứng minh về kết quả tương ứng (mô tả, tài liệu minh chứng cho nội dung mô tả, được sắp xếp theo "
    "thứ tự các chỉ tiêu trong Bộ tiêu chí).",
    "Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, tham khảo hướng dẫn theo bảng dưới đây:",
)
MAU02_REEVALUATION = (
    "Đối với sản phẩm đăng ký đánh giá, phân hạng lại: cần rà soát, cập nhật những nội dung mới và đánh giá về "
    "những thay đổi, kết quả đạt được sau 3 năm được công nhận OCOP: về nguyên liệu, công nghệ sử dụng, bao bì, "
    "nhãn mác, công bố chất lượng, thị trường tiêu thụ, sản lượng, doanh thu; bổ sung các giấy tờ minh chứng "
    "pháp lý có thời hạn;...."
)
MAU02_PART4_INTRO = (
    "Trình bày những định hướng, kế hoạch của chủ sở hữu trong thời gian tới về phát triển sản phẩm, tổ chức "
    "sản xuất, thị trường."
)

# (Nội dung, Yêu cầu): the evidence table of Mẫu 02 Part III
EVIDENCE_TABLE: tuple[tuple[str, str], ...] = (
    (
        "Giấy đăng ký kinh doanh",
        "Bản sao chứng minh hoạt động kinh doanh hợp pháp (đối với các đơn vị/cá nhân có đăng ký kinh doanh)",
    ),
    (
        "Giấy chứng nhận cơ sở đủ điều kiện sản xuất",
        "Bản sao (đối với sản phẩm cần phải có giấy chứng nhận theo quy định hiện hành)",
    ),
    (
        "Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi",
        "Bản sao tài liệu: Giấy xác nhận an toàn thực phẩm đối với vùng nguyên liệu, hợp đồng mua bán/hợp đồng "
        "nguyên tắc, thỏa thuận liên kết, thanh lý hợp đồng, hóa đơn chứng từ hợp lệ... chứng minh nguồn gốc "
        "nguyên liệu, liên kết chuỗi.",
    ),
    (
        "Bảo vệ môi trường, sử dụng công nghệ theo hướng bền vững",
        "Bản sao hồ sơ, thủ tục về môi trường theo quy định; hình ảnh minh chứng về thực hiện giải pháp bảo vệ môi "
        "trường; hình ảnh, mô tả công nghệ sử dụng theo hướng bền vững.",
    ),
    (
        "Sử dụng lao động địa phương",
        "Danh sách lao động đóng bảo hiểm có xác nhận của chủ thể, bao gồm cả nơi thường trú.",
    ),
    (
        "Tăng trưởng sản xuất kinh doanh",
        "- Bản sao Tài liệu minh chứng kết quả phân loại hợp tác xã hoặc báo cáo tài chính 2 năm gần nhất.\n"
        "- Bản sao Báo cáo tài chính của chủ thể 2 năm gần nhất.",
    ),
    (
        "Sở hữu trí tuệ",
        "Minh chứng thể hiện Đơn đăng ký nhãn hiệu đã được cơ quan có thẩm quyền chấp nhận hoặc công bố.\n"
        "Bản sao Giấy chứng nhận đăng ký nhãn hiệu; văn bằng ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập "
        "thể, nhãn hiệu chứng nhận; Bằng sáng chế, Bằng độc quyền kiểu dáng công nghiệp,...",
    ),
    (
        "Phát triển thị trường, hoạt động quảng bá, xúc tiến thương mại",
        "Bản sao tài liệu: Hợp đồng, cam kết, ký gửi, đặt hàng, biên nhận, hóa đơn, chứng từ để minh chứng xác nhận "
        "về phân phối sản phẩm, xuất khẩu sản phẩm, hoạt động xúc tiến thương mại...",
    ),
    ("Quảng bá sản phẩm", "Tài liệu minh chứng về website, hoạt động quảng bá."),
    (
        "Câu chuyện về sản phẩm",
        "Bản sao tờ rơi, hình ảnh, phim, ghi âm... minh chứng về câu chuyện của sản phẩm",
    ),
    ("Công bố chất lượng sản phẩm", "Bản sao tài liệu, chứng minh chất lượng sản phẩm được công bố"),
    (
        "Phiếu kết quả kiểm nghiệm chỉ tiêu chất lượng, an toàn thực phẩm theo tiêu chuẩn công bố",
        "Bản sao tài liệu chứng minh đạt tiêu chuẩn chất lượng, an toàn thực phẩm.",
    ),
    (
        "Mã số mã vạch, tem truy xuất nguồn gốc,",
        "Bản sao tài liệu, chứng minh mã, tem, sở hữu thương hiệu...",
    ),
    (
        "Hệ thống quản lý chất lượng tiên tiến, kiểm soát chất lượng",
        "Bản sao tài liệu: chứng nhận Hệ thống quản lý chất lượng tiên tiến, chứng minh hệ thống quản lý đạt tiêu chuẩn",
    ),
    (
        "Giải thưởng của sản phẩm, bình chọn của các tổ chức uy tín trong nước và quốc tế...",
        "Bản sao tài liệu, minh chứng về các thành tích, giải thưởng, bình chọn...",
    ),
)

MAU03_TITLE = "BÁO CÁO"
MAU03_SUBTITLE = "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP"
MAU03_ITEMS: tuple[tuple[str, str], ...] = (
    (
        "Về sử dụng nguyên liệu địa phương",
        "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng nguyên liệu thực tế của chủ thể "
        "trên địa bàn xã).",
    ),
    (
        "Về sử dụng lao động địa phương",
        "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng thực tế về lao động địa phương của "
        "chủ thể trên địa bàn xã).",
    ),
    (
        "Nguồn gốc ý tưởng sản phẩm",
        "(Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương).",
    ),
    (
        "Bản sắc/trí tuệ địa phương",
        "(Đánh giá các giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), kinh nghiệm sản "
        "xuất của cộng đồng và phương thức sản xuất đặc trưng của địa phương, tạo nên sự khác biệt của sản phẩm).",
    ),
)
