"""Phụ lục I of QĐ 26/2026/QĐ-TTg: 6 product groups (ngành) -> 17 groups (nhóm) -> 26 product
sets (bộ sản phẩm), with the lead ministries. The criteria transcription does not carry this
table, so it is written here once, from ocop/domain-notes.md §1, and merged by
`transcription.convert`.

Set codes follow "section.group.sub-group" (I.1.a); a group without sub-groups is itself the
product set (I.6, III.1 ...).
"""

from __future__ import annotations

NN_MT = "Bộ Nông nghiệp và Môi trường"
CONG_THUONG = "Bộ Công Thương"
Y_TE = "Bộ Y tế"
VHTTDL = "Bộ Văn hóa, Thể thao và Du lịch"

# (code, name, [(group code, group name)])
PRODUCT_GROUPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "I",
        "Thực phẩm",
        [
            ("I.1", "Thực phẩm tươi sống"),
            ("I.2", "Thực phẩm thô, sơ chế"),
            ("I.3", "Thực phẩm chế biến"),
            ("I.4", "Gia vị"),
            ("I.5", "Chè"),
            ("I.6", "Cà phê, ca cao"),
        ],
    ),
    ("II", "Đồ uống", [("II.1", "Đồ uống có cồn"), ("II.2", "Đồ uống không cồn")]),
    (
        "III",
        "Dược liệu và sản phẩm từ dược liệu",
        [
            ("III.1", "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền"),
            ("III.2", "Mỹ phẩm có thành phần từ dược liệu"),
            ("III.3", "Tinh dầu và dược liệu khác"),
        ],
    ),
    (
        "IV",
        "Hàng thủ công mỹ nghệ",
        [("IV.1", "Thủ công mỹ nghệ gia dụng, trang trí"), ("IV.2", "Vải, may mặc")],
    ),
    ("V", "Sinh vật cảnh", [("V.1", "Hoa"), ("V.2", "Cây cảnh"), ("V.3", "Động vật cảnh")]),
    (
        "VI",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        [("VI.1", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch")],
    ),
]

# set number -> (set code, group code, lead ministries)
SETS: dict[int, tuple[str, str, list[str]]] = {
    1: ("I.1.a", "I.1", [NN_MT]),
    2: ("I.1.b", "I.1", [NN_MT]),
    3: ("I.2.a", "I.2", [NN_MT]),
    4: ("I.2.b", "I.2", [NN_MT]),
    5: ("I.3.a", "I.3", [CONG_THUONG]),
    6: ("I.3.b", "I.3", [NN_MT, CONG_THUONG]),
    7: ("I.3.c", "I.3", [NN_MT]),
    8: ("I.3.d", "I.3", [NN_MT, CONG_THUONG]),
    9: ("I.4.a", "I.4", [NN_MT]),
    10: ("I.4.b", "I.4", [NN_MT]),
    11: ("I.5.a", "I.5", [NN_MT]),
    12: ("I.5.b", "I.5", [NN_MT]),
    13: ("I.6", "I.6", [NN_MT]),
    14: ("II.1.a", "II.1", [CONG_THUONG]),
    15: ("II.1.b", "II.1", [CONG_THUONG]),
    16: ("II.2.a", "II.2", [Y_TE]),
    17: ("II.2.b", "II.2", [CONG_THUONG]),
    18: ("III.1", "III.1", [Y_TE]),
    19: ("III.2", "III.2", [Y_TE]),
    20: ("III.3", "III.3", [Y_TE, CONG_THUONG]),
    21: ("IV.1", "IV.1", [CONG_THUONG, NN_MT]),
    22: ("IV.2", "IV.2", [CONG_THUONG]),
    23: ("V.1", "V.1", [NN_MT]),
    24: ("V.2", "V.2", [NN_MT]),
    25: ("V.3", "V.3", [NN_MT]),
    26: ("VI.1", "VI.1", [VHTTDL, NN_MT]),
}


def product_groups_document() -> list[dict[str, object]]:
    return [
        {"code": code, "name": name, "groups": [{"code": g, "name": n} for g, n in groups]}
        for code, name, groups in PRODUCT_GROUPS
    ]
