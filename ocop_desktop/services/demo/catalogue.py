"""Word lists for realistic demo data: Vietnamese people, producers and products per product set."""

from __future__ import annotations

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Lò", "Hà", "Y", "H'", "Lường", "Tòng", "Vi"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Minh", "Thu", "Ngọc", "Thị Kim"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Xuân", "Thanh"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Mai", "Hằng", "Nga", "Thảo", "Yến", "Xuân", "Hạnh", "Nhung", "Phượng", "Liên"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tuấn", "Việt"]
TITLES = {"htx": "Giám đốc", "tht": "Tổ trưởng", "dn": "Giám đốc", "trang_trai": "Chủ trang trại",
          "ho_san_xuat": "Chủ hộ", "ho_kinh_doanh": "Chủ hộ kinh doanh", "hiep_hoi": "Chủ tịch"}
VILLAGES = ["Thôn Đông", "Thôn Tây", "Bản Mường", "Ấp Bình An", "Thôn Phú Lộc", "Xóm Chùa", "Bản Na Hang",
            "Thôn Hòa Bình", "Ấp Tân Thành", "Thôn Lũng Cú", "Buôn Ea Sup", "Thôn Trung Sơn"]

# Product set number -> typical product names (QĐ 26/2026 Phụ lục I sets 1–26).
PRODUCTS: dict[int, list[str]] = {
    1: ["Bưởi da xanh", "Cam sành", "Rau cải sạch", "Dưa lưới", "Xoài cát Hòa Lộc", "Vải thiều", "Hạt điều tươi"],
    2: ["Trứng gà ta", "Thịt lợn đen", "Tôm càng xanh", "Sữa bò tươi", "Cá lăng sông Đà"],
    3: ["Gạo ST25", "Gạo nếp cái hoa vàng", "Gạo lứt đỏ", "Đậu xanh hạt", "Ngô nếp"],
    4: ["Mật ong hoa cà phê", "Mật ong bạc hà", "Mật hoa dừa", "Nấm linh chi khô"],
    5: ["Bánh chưng", "Bánh tét lá cẩm", "Nem chua", "Giò lụa"],
    6: ["Bún khô", "Phở khô", "Bánh đa nem", "Miến dong", "Cốm làng Vòng"],
    7: ["Mứt gừng", "Chuối sấy dẻo", "Xoài sấy", "Hạt điều rang muối", "Măng khô"],
    8: ["Chà bông cá lóc", "Khô bò", "Lạp xưởng", "Mắm tôm chà", "Tổ yến chưng"],
    9: ["Nước mắm cá cơm", "Tương bần", "Tương ớt", "Nước mắm nhĩ"],
    10: ["Muối tôm", "Tiêu đen", "Tỏi cô đơn", "Hành tím", "Muối ớt xanh"],
    11: ["Chè Shan tuyết", "Chè búp Thái Nguyên", "Trà Ô long", "Chè xanh"],
    12: ["Trà hoa vàng", "Trà atiso", "Trà mãng cầu", "Trà gừng mật ong"],
    13: ["Cà phê bột nguyên chất", "Cà phê hạt rang", "Ca cao bột", "Cà phê chồn"],
    14: ["Rượu ngô men lá", "Rượu nếp cẩm", "Rượu cần", "Rượu làng Vân"],
    15: ["Rượu vang sim", "Rượu chuối hột", "Rượu mơ"],
    16: ["Nước khoáng thiên nhiên", "Nước uống đóng chai"],
    17: ["Nước cốt chanh dây", "Nước mía đóng chai", "Sữa đậu nành"],
    18: ["Cao atiso", "Viên tinh nghệ mật ong", "Trà túi lọc giảo cổ lam"],
    19: ["Dầu gội bồ kết", "Xà phòng thảo dược", "Son dưỡng dầu dừa"],
    20: ["Tinh dầu sả chanh", "Tinh dầu quế", "Tinh dầu tràm"],
    21: ["Giỏ mây tre đan", "Gốm sứ Bát Tràng", "Nón lá", "Chiếu cói", "Tranh sơn mài"],
    22: ["Thổ cẩm dệt tay", "Lụa tơ tằm", "Khăn lanh", "Áo bà ba"],
    23: ["Hoa lan hồ điệp", "Hoa cúc mâm xôi", "Hoa đào Nhật Tân"],
    24: ["Cây mai vàng", "Bonsai sanh", "Cây kim quất"],
    25: ["Cá cảnh Koi", "Chim chào mào", "Gà tre cảnh"],
    26: ["Du lịch cộng đồng bản làng", "Điểm du lịch sinh thái vườn", "Homestay nhà sàn"],
}

PRODUCER_PATTERNS = {
    "htx": "HTX {trade} {village}",
    "tht": "Tổ hợp tác {product} {village}",
    "dn": "Công ty TNHH {word} {place}",
    "trang_trai": "Trang trại {person}",
    "ho_san_xuat": "Hộ sản xuất {person}",
    "ho_kinh_doanh": "Hộ kinh doanh {person}",
    "hiep_hoi": "Hội du lịch cộng đồng {place}",
}
TRADES = ["Nông nghiệp", "Dịch vụ nông nghiệp", "Nông sản sạch", "Sản xuất và thương mại", "Nông lâm nghiệp",
          "Chăn nuôi", "Trồng trọt"]
COMPANY_WORDS = ["Nông sản Xanh", "Thực phẩm Sạch", "Đặc sản Việt", "Hương Quê", "Phát Đạt", "Minh Long", "An Khang"]
