#!/usr/bin/python3
"""Generates N commune funds appendices (xlsx, openpyxl) for the benchmark.

    /usr/bin/python3 bench/make_communes.py 1000 /tmp/communes            # 1,000 files
    /usr/bin/python3 bench/make_communes.py 3321 /tmp/communes --seed 7   # every commune of Vietnam

Each file is the funds template of samples/appendices/muong_kim_2026.xlsx (Phụ lục II: STT | Nội
dung | block "kéo dài 2025 sang 2026" | block "năm 2026" | Ghi chú; each block Kế hoạch vốn, Giải
ngân, Tỷ lệ, Ước giải ngân, Tỷ lệ; each Tổng số / NSTW / NSĐP) for one commune, with:
  - realistic amounts in triệu đồng (3 decimals), consistent arithmetic: parent = Σ children,
    Tổng số = NSTW + NSĐP, rate = disbursed / plan × 100 at the decimals the cell shows;
  - label variants: abbreviations (DA, TDA, DTTS&MN, CTMTQG), no diacritics, typos, extra spaces;
  - some files omit the rows without money, some leave them empty, some fill zeros or "-";
  - a few files type their numbers as Vietnamese text ("1.234,567");
  - about 2% of files with one injected arithmetic error.
OUTDIR/manifest.csv lists every file with its commune and the injected error (code, cell), if any.
Deterministic: file i depends only on (seed, i) and the options.

Options for consolidation tests (`phuluc merge`), off by default so the files above stay the same:
  --shuffle P     a commune lists sibling rows in another order (programs, Dự án, Tiểu dự án, nội
                  dung; each row keeps its STT and its children), with probability P;
  --extra-rows P  a commune adds one or two rows of its own (an unnumbered content under a Dự án or
                  Tiểu dự án, with its own money; the parents grow by it), with probability P;
  --dong P        a commune reports in đồng ("ĐVT: Đồng", whole numbers) instead of triệu đồng;
  --error-rate R  share of files with one injected error (default 0.02);
  --truth         also write OUTDIR/truth.csv: every data row of every file with its catalogue key
                  (empty for a commune's own rows), 1-based sheet row, STT, label, unit and the 30
                  values as written (in the file's unit; empty where the cell is empty or a rate
                  has no plan), so a test can sum them without reading the workbooks.
"""
import argparse
import csv
import multiprocessing
import os
import random
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

FIRST_DATA_ROW = 8
FIRST_VALUE_COL = 3           # column C, 1-based
NOTE_COL = 33                 # column AG
ERROR_RATE = 0.02
TEXT_NUMBER_RATE = 0.03

# (STT, label). Children follow their parent; the hierarchy comes from STT as in the real tables.
SKELETON = [
    ('A', 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi'),
    ('I', 'Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt'),
    ('II', 'Dự án 2: Quy hoạch, sắp xếp, bố trí, ổn định dân cư ở những nơi cần thiết'),
    ('III', 'Dự án 3: Phát triển sản xuất nông, lâm nghiệp bền vững, phát huy tiềm năng, thế mạnh của các vùng miền'),
    ('III.1', 'Tiểu dự án 1: Phát triển kinh tế nông, lâm nghiệp bền vững gắn với nhiệm vụ bảo vệ rừng'),
    ('III.2', 'Tiểu dự án 2: Hỗ trợ phát triển sản xuất theo chuỗi giá trị, vùng trồng dược liệu quý'),
    ('IV', 'Dự án 4: Đầu tư cơ sở hạ tầng thiết yếu phục vụ sản xuất, đời sống trong vùng đồng bào dân tộc thiểu số và miền núi'),
    ('IV.1', 'Tiểu dự án 1: Đầu tư cơ sở hạ tầng thiết yếu vùng đồng bào dân tộc thiểu số và miền núi'),
    ('V', 'Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực'),
    ('V.1', 'Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, trường PTDTBT và xóa mù chữ'),
    ('', 'Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, trường PTDTBT'),
    ('', 'Mở lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số'),
    ('V.2', 'Tiểu dự án 2: Bồi dưỡng kiến thức dân tộc; đào tạo dự bị đại học, đại học và sau đại học'),
    ('V.3', 'Tiểu dự án 3: Dự án phát triển giáo dục nghề nghiệp và giải quyết việc làm cho người lao động vùng dân tộc thiểu số và miền núi'),
    ('V.4', 'Tiểu dự án 4: Đào tạo nâng cao năng lực cho cộng đồng và cán bộ triển khai Chương trình ở các cấp'),
    ('VI', 'Dự án 6: Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc thiểu số gắn với phát triển du lịch'),
    ('VII', 'Dự án 7: Chăm sóc sức khỏe nhân dân, nâng cao thể trạng, tầm vóc người dân tộc thiểu số; phòng chống suy dinh dưỡng trẻ em'),
    ('VIII', 'Dự án 8: Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em'),
    ('IX', 'Dự án 9: Đầu tư phát triển nhóm dân tộc thiểu số rất ít người và nhóm dân tộc còn nhiều khó khăn'),
    ('IX.1', 'Tiểu dự án 1: Đầu tư tạo sinh kế, phát triển kinh tế nhóm dân tộc thiểu số rất ít người'),
    ('IX.2', 'Tiểu dự án 2: Giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống trong vùng đồng bào dân tộc thiểu số và miền núi'),
    ('X', 'Dự án 10: Truyền thông, tuyên truyền, vận động trong vùng đồng bào dân tộc thiểu số và miền núi; kiểm tra, giám sát đánh giá'),
    ('X.1', 'Tiểu dự án 1: Biểu dương, tôn vinh điển hình tiên tiến, phát huy vai trò của người có uy tín'),
    ('X.2', 'Tiểu dự án 2: Ứng dụng công nghệ thông tin hỗ trợ phát triển kinh tế - xã hội và đảm bảo an ninh trật tự'),
    ('X.3', 'Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào tạo, tập huấn tổ chức thực hiện Chương trình'),
    ('B', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững'),
    ('I', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn'),
    ('II', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo'),
    ('III', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng'),
    ('III.1', 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp'),
    ('III.2', 'Tiểu dự án 2: Cải thiện dinh dưỡng'),
    ('IV', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững'),
    ('IV.1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn'),
    ('IV.2', 'Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng'),
    ('IV.3', 'Tiểu dự án 3: Hỗ trợ việc làm bền vững'),
    ('V', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo'),
    ('VI', 'Dự án 6: Truyền thông và giảm nghèo về thông tin'),
    ('VI.1', 'Tiểu dự án 1: Giảm nghèo về thông tin'),
    ('VI.2', 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều'),
    ('VII', 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình'),
    ('C', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới'),
    ('1', 'Nội dung 1: Nâng cao hiệu quả quản lý và thực hiện xây dựng nông thôn mới theo quy hoạch'),
    ('2', 'Nội dung 2: Phát triển hạ tầng kinh tế - xã hội, cơ bản đồng bộ, hiện đại'),
    ('3', 'Nội dung 3: Thực hiện cơ cấu lại ngành nông nghiệp, phát triển kinh tế nông thôn; Chương trình OCOP'),
    ('4', 'Nội dung 4: Giảm nghèo bền vững'),
    ('5', 'Nội dung 5: Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe người dân nông thôn'),
    ('6', 'Nội dung 6: Nâng cao chất lượng đời sống văn hóa của người dân nông thôn'),
    ('7', 'Nội dung 7: Nâng cao chất lượng môi trường; xây dựng cảnh quan nông thôn sáng - xanh - sạch - đẹp'),
    ('8', 'Nội dung 8: Dịch vụ hành chính công, chuyển đổi số, tiếp cận pháp luật, bình đẳng giới'),
    ('9', 'Nội dung 9: Nâng cao vai trò của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội'),
    ('10', 'Nội dung 10: Giữ vững quốc phòng, an ninh và trật tự xã hội nông thôn'),
    ('11', 'Nội dung 11: Tăng cường giám sát, đánh giá; nâng cao năng lực, truyền thông về xây dựng nông thôn mới'),
]
# The catalogue key of each SKELETON row (mappings/catalogue), for --truth.
KEYS = ['dtts', 'dtts.1', 'dtts.2', 'dtts.3', 'dtts.3.1', 'dtts.3.2', 'dtts.4', 'dtts.4.1', 'dtts.5', 'dtts.5.1',
        'dtts.5.1.nd1', 'dtts.5.1.nd2', 'dtts.5.2', 'dtts.5.3', 'dtts.5.4', 'dtts.6', 'dtts.7', 'dtts.8', 'dtts.9',
        'dtts.9.1', 'dtts.9.2', 'dtts.10', 'dtts.10.1', 'dtts.10.2', 'dtts.10.3',
        'gnbv', 'gnbv.1', 'gnbv.2', 'gnbv.3', 'gnbv.3.1', 'gnbv.3.2', 'gnbv.4', 'gnbv.4.1', 'gnbv.4.2', 'gnbv.4.3',
        'gnbv.5', 'gnbv.6', 'gnbv.6.1', 'gnbv.6.2', 'gnbv.7',
        'ntm'] + [f'ntm.{n}' for n in range(1, 12)]
assert len(KEYS) == len(SKELETON)
# Rows a commune adds of its own: no catalogue entry has these words.
EXTRA_LABELS = ['Hỗ trợ sửa chữa nhà văn hóa bản {place}', 'Chi hỗ trợ mua sắm bàn ghế điểm trường bản {place}',
                'Hỗ trợ làm đường nội đồng bản {place}', 'Chi trả công tổ quản lý nước sạch bản {place}',
                'Hỗ trợ giống cây quế cho các hộ bản {place}']
PLACES = ['Nà Sáng', 'Pá Khoang', 'Huổi Lếch', 'Nậm Ngà', 'Phiêng Lúc', 'Co Muông', 'Tà Cọ', 'Lả Mót']
ROMAN = {'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'}
PREFIXES = ['Mường', 'Nậm', 'Pa', 'Tà', 'Sìn', 'Bản', 'Phìn', 'Tả', 'Chiềng', 'Na', 'Hua', 'Khun', 'Lùng',
            'Sì', 'Phong', 'Tân', 'Bình', 'Hòa', 'Thanh', 'Quang', 'Yên', 'Trung', 'Đông', 'Ngọc', 'Xuân']
SUFFIXES = ['Kim', 'Khoa', 'Phình', 'Hồ', 'Tè', 'Cang', 'Sang', 'Hừa', 'Than', 'Lay', 'Muôn', 'Tủng', 'Chải',
            'Nhé', 'Lềnh', 'Hải', 'Thổ', 'Mai', 'Lâm', 'Sơn', 'Phú', 'An', 'Tiến', 'Thịnh', 'Hưng']
PROVINCES = ['Lai Châu', 'Điện Biên', 'Lào Cai', 'Sơn La', 'Tuyên Quang', 'Cao Bằng', 'Lạng Sơn', 'Thái Nguyên',
             'Phú Thọ', 'Thanh Hóa', 'Nghệ An', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Đắk Lắk', 'Lâm Đồng']
THIN = Side(style='thin')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name='Times New Roman', size=10)
FONT_BOLD = Font(name='Times New Roman', size=10, bold=True)
CENTER = Alignment(horizontal='center', vertical='center', wrap_text=True)
LEFT = Alignment(horizontal='left', vertical='center', wrap_text=True)


def stt_level(stt):
    if stt.upper().startswith('TỔNG'):
        return 0
    if stt in ROMAN:
        return 2
    if len(stt) == 1 and stt.isalpha():
        return 1
    if '.' in stt and stt.split('.')[0] in ROMAN:
        return 3
    if stt in ('-', '+'):
        return 5
    return 4


def children_of(stts):
    kids = [[] for _ in stts]
    stack = []
    for idx, stt in enumerate(stts):
        while stack and stt_level(stts[stack[-1]]) >= stt_level(stt):
            stack.pop()
        if stack:
            kids[stack[-1]].append(idx)
        stack.append(idx)
    return kids


def strip_diacritics(text):
    text = text.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(ch for ch in unicodedata.normalize('NFD', text) if unicodedata.category(ch) != 'Mn')


def label_variant(rng, label, style):
    """A commune's spelling of a catalogue label."""
    if style['abbrev']:
        label = (label.replace('Tiểu dự án', 'TDA').replace('Dự án', 'DA')
                 .replace('đồng bào dân tộc thiểu số và miền núi', 'đồng bào DTTS&MN')
                 .replace('dân tộc thiểu số và miền núi', 'DTTS&MN')
                 .replace('Chương trình mục tiêu quốc gia', rng.choice(['CTMTQG', 'Chương trình MTQG'])))
    if rng.random() < style['typo']:
        words = label.split(' ')
        k = rng.randrange(len(words))
        if len(words[k]) > 3:
            w = words[k]
            i = rng.randrange(len(w) - 1)
            words[k] = w[:i] + w[i + 1] + w[i] + w[i + 2:] if rng.random() < 0.5 else strip_diacritics(w)
        label = ' '.join(words)
    if rng.random() < style['spaces']:
        label = label.replace(': ', ' :  ', 1) if ':' in label else '  ' + label
        label += ' ' * rng.randint(1, 2)
    if style['no_diacritics']:
        label = strip_diacritics(label)
    return unicodedata.normalize('NFC', label)


def half_up(value, decimals):
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def rate_of(amount, plan, decimals):
    """Rate rounded half-up, or None when the exact value sits on a rounding boundary."""
    exact = amount / plan * 100
    scaled = exact * 10 ** decimals
    if abs(scaled - int(scaled) - 0.5) < 1e-6:
        return None
    return half_up(exact, decimals)


def leaf_amounts(rng, scale):
    """30 values of a leaf row: per block plan, disbursed, rate, estimate, rate × (T, W, D); rates None."""
    values = [0.0] * 30
    for block in (0, 15):
        if rng.random() < 0.45:
            continue
        nstw = round(rng.uniform(5, 400) * scale, 3)
        nsdp = round(nstw * rng.uniform(0.03, 0.12), 3) if rng.random() < 0.2 else 0.0
        for split, plan in ((1, nstw), (2, nsdp)):
            done = round(plan * rng.uniform(0.0, 1.0), 3) if rng.random() < 0.85 else 0.0
            estimate = round(max(done, plan * rng.uniform(0.8, 1.0)), 3)
            values[block + split] = plan
            values[block + 3 + split] = done
            values[block + 9 + split] = estimate
    return values


def compute(stts, kids, leaves, decimals):
    """Parents, Tổng số and rates from the leaves' NSTW / NSĐP amounts.

    Returns (values per row, [(row, value index)] of rates whose exact value sits on a rounding
    boundary, where half-up and half-even readers would disagree)."""
    values = [None] * len(stts)

    def fill(idx):
        if kids[idx]:
            total = [0.0] * 30
            for k in kids[idx]:
                total = [a + b for a, b in zip(total, fill(k))]
            values[idx] = [round(x, 3) for x in total]
        else:
            values[idx] = list(leaves[idx])
        return values[idx]

    fill(0)
    boundaries = []
    for idx, row in enumerate(values):
        for block in (0, 15):
            for group in (0, 3, 9):
                row[block + group] = round(row[block + group + 1] + row[block + group + 2], 3)
            for rate_group, amount_group in ((6, 3), (12, 9)):
                for split in range(3):
                    plan, amount = row[block + split], row[block + amount_group + split]
                    rate = rate_of(amount, plan, decimals) if plan > 0 else None
                    if plan > 0 and rate is None:
                        boundaries.append((idx, block + amount_group + split))
                    row[block + rate_group + split] = rate
    return values, boundaries


def build_rows(rng, style, extras=None, extra_rng=None):
    """[stt, label, values[30], key] for one commune, arithmetic consistent (rates None on no plan).

    `extras`: [(skeleton index, label)] rows of the commune's own, each put under that row as an
    unnumbered content with amounts drawn from `extra_rng` (key '')."""
    scale = rng.uniform(0.3, 3.0)
    stts = ['TỔNG CỘNG'] + [s for s, _ in SKELETON]
    labels = [''] + [label_variant(rng, lab, style) for _, lab in SKELETON]
    keys = ['total'] + list(KEYS)
    kids = children_of(stts)
    leaves = [None if kids[i] else leaf_amounts(rng, scale) for i in range(len(stts))]
    for target, label in extras or []:
        at = 1 + target                       # skip TỔNG CỘNG
        end = at + 1                          # after the target's subtree
        while end < len(stts) and stt_level(stts[end]) > stt_level(stts[at]):
            end += 1
        stts.insert(end, '')
        labels.insert(end, label)
        keys.insert(end, '')
        leaves.insert(end, leaf_amounts(extra_rng, scale))
        leaves[at] = None                     # the target is a parent now: Σ its children
        kids = children_of(stts)
        for idx, k in enumerate(kids):        # a content without children of its own is a leaf
            if not k and leaves[idx] is None:
                leaves[idx] = [0.0] * 30
    while True:
        values, boundaries = compute(stts, kids, leaves, style['rate_decimals'])
        if not boundaries:
            break
        # Move one thousandth (1,000 đồng) off a boundary: change a leaf under the offending row.
        idx, v = boundaries[0]
        leaf = idx
        while kids[leaf]:
            leaf = next((k for k in kids[leaf] if values[k][v] > 0), kids[leaf][0])
        base = v - (v % 15) % 3
        # Move the amount of the boundary's own split (a NSĐP rate moves with NSĐP, not NSTW);
        # a Tổng số boundary moves whichever part the leaf has.
        split = (v % 15) % 3 or (1 if leaves[leaf][base + 1] > 0 else 2)
        leaves[leaf][base + split] = round(max(0.0, leaves[leaf][base + split] - 0.001), 3)
    rows = [[stts[i], labels[i], values[i], keys[i]] for i in range(len(stts))]
    if style['omit_empty']:
        rows = [r for r, k in zip(rows, kids) if k or any(r[2][v] for v in range(30))]
    return rows


def extra_targets():
    """SKELETON indices a commune may add its own row under: Dự án without Tiểu dự án and Tiểu dự án
    whose children (if any) are unnumbered contents, so an unnumbered row after them is their child."""
    stts = [s for s, _ in SKELETON]
    targets = []
    for i, stt in enumerate(stts):
        level = stt_level(stt)
        following = stts[i + 1] if i + 1 < len(stts) else 'A'
        if level == 3 or (level == 2 and stt_level(following) <= 2):
            targets.append(i)
    return targets


def shuffle_siblings(rng, rows):
    """The rows with every group of siblings in a random order; each row keeps its subtree."""
    kids = children_of([r[0] for r in rows])
    out = []

    def emit(idx):
        out.append(rows[idx])
        order = list(kids[idx])
        rng.shuffle(order)
        for k in order:
            emit(k)

    emit(0)
    return out


def inject_error(rng, rows, style):
    """Changes one cell; returns (code at that cell, value index, row index). The checker may also
    report the change where it is used: the parent's sum, the row's split, the rate over it."""
    candidates = [i for i, r in enumerate(rows) if r[2][0] > 0 or r[2][15] > 0]
    idx = rng.choice(candidates)
    block = 0 if rows[idx][2][0] > 0 else 15
    kind = rng.choice(['rate', 'sum', 'split'])
    values = rows[idx][2]
    if kind == 'rate':
        v = block + 6
        values[v] = round((values[v] or 0) + rng.choice([10, 20, -10]) + 0.5, style['rate_decimals']) \
            if values[v] is not None and values[v] > 15 else 100.0 + rng.choice([5, 50, 100])
        return 'rate-mismatch', v, idx
    if kind == 'split':
        # Tổng số of the estimate changed alone: NSTW + NSĐP no longer add up.
        v = block + 9
        values[v] = round(values[v] + rng.choice([1, 10, 100]), 3)
        return 'split-mismatch', v, idx
    # A parent's NSTW estimate changed: its children no longer add up to it.
    parents = [i for i, r in enumerate(rows) if i + 1 < len(rows)
               and stt_level(rows[i + 1][0]) > stt_level(r[0]) and (r[2][1] > 0 or r[2][16] > 0)]
    idx = rng.choice(parents)
    v = 10 if rows[idx][2][1] > 0 else 25
    rows[idx][2][v] = round(rows[idx][2][v] + rng.choice([1, 5, 10]), 3)
    return ('total-mismatch' if idx == 0 else 'sum-mismatch'), v, idx


def vn_text(value, decimals):
    whole, _, frac = f'{abs(value):.{decimals}f}'.partition('.')
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ('-' if value < 0 else '') + '.'.join(groups) + (',' + frac if decimals else '')


def write_header(ws, style):
    splits = ['Tổng số', 'NSTW', style['nsdp_label']]
    groups = [['Kế hoạch vốn', 'Giải ngân kế hoạch vốn kéo dài đến 15/6/2026', 'Tỷ lệ giải ngân',
               'Ước giải ngân đến hết năm 2026', 'Tỷ lệ giải ngân'],
              ['Kế hoạch vốn', 'Giải ngân kế hoạch vốn năm 2026 đến 15/6/2026', 'Tỷ lệ giải ngân',
               'Ước giải ngân đến hết năm 2026', 'Tỷ lệ giải ngân']]
    blocks = ['Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026',
              'Tình hình thực hiện kế hoạch vốn sự nghiệp năm 2026']

    def head(row, col, text, end_row, end_col):
        if (row, col) != (end_row, end_col):
            ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
        cell = ws.cell(row=row, column=col, value=text)
        cell.font, cell.alignment, cell.border = FONT_BOLD, CENTER, BORDER

    head(5, 1, 'STT', 7, 1)
    head(5, 2, 'Nội dung', 7, 2)
    for b in range(2):
        col = FIRST_VALUE_COL + 15 * b
        head(5, col, blocks[b], 5, col + 14)
        for g in range(5):
            head(6, col + 3 * g, groups[b][g], 6, col + 3 * g + 2)
            for s in range(3):
                head(7, col + 3 * g + s, splits[s], 7, col + 3 * g + s)
    head(5, NOTE_COL, 'Ghi chú', 7, NOTE_COL)


def write_commune(path, rng, commune, province, rows, style):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = style['sheet_name']
    for row, text in ((1, 'Phụ lục II'),
                      (2, 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA '
                          '06 THÁNG ĐẦU NĂM 2026'),
                      (3, f'(Kèm theo Báo cáo số {rng.randint(100, 4999)}/BC-UBND ngày {rng.randint(10, 30)} '
                          f'tháng 6 năm 2026 của Ủy ban nhân dân xã {commune}, tỉnh {province})')):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=NOTE_COL)
        ws.cell(row=row, column=1, value=text).alignment = CENTER
    ws.cell(row=4, column=NOTE_COL - 2, value='ĐVT: Đồng' if style.get('dong') else 'ĐVT: Triệu đồng')
    write_header(ws, style)
    amount_fmt = '#,##0' if style.get('dong') else '#,##0.000'
    rate_fmt = '0' + ('.' + '0' * style['rate_decimals'] if style['rate_decimals'] else '')
    for offset, (stt, label, values, _key) in enumerate(rows):
        r = FIRST_DATA_ROW + offset
        ws.cell(row=r, column=1, value=stt or None)
        ws.cell(row=r, column=2, value=label or None).alignment = LEFT
        for v, value in enumerate(values):
            is_rate = (v % 15) // 3 in (2, 4)
            if value is None or value == 0:
                if style['zeros'] == 'blank' or is_rate:
                    continue
                value = 0.0 if style['zeros'] == 'zero' else '-'
            if style.get('dong') and not is_rate and isinstance(value, float):
                value = float(round(value * 1_000_000))
            cell = ws.cell(row=r, column=FIRST_VALUE_COL + v)
            if style['text_numbers'] and isinstance(value, float):
                cell.value = vn_text(value, style['rate_decimals'] if is_rate else (0 if style.get('dong') else 3))
            else:
                cell.value = value
                cell.number_format = rate_fmt if is_rate else amount_fmt
    end = FIRST_DATA_ROW + len(rows) + 1
    ws.cell(row=end, column=1, value='Ghi chú: Số liệu giải ngân tính đến ngày 15/6/2026.')
    ws.cell(row=end + 2, column=NOTE_COL - 6, value=f'{commune}, ngày 19 tháng 6 năm 2026')
    ws.cell(row=end + 3, column=NOTE_COL - 6, value='TM. ỦY BAN NHÂN DÂN')
    ws.cell(row=end + 4, column=NOTE_COL - 6, value='CHỦ TỊCH')
    ws.column_dimensions['B'].width = 45
    ws.freeze_panes = 'C8'
    ws.print_title_rows = '5:7'
    ws.page_setup.orientation = 'landscape'
    wb.save(path)


def commune_style(rng):
    return {
        'abbrev': rng.random() < 0.35,
        'no_diacritics': rng.random() < 0.05,
        'typo': rng.choice([0.0, 0.0, 0.02, 0.08]),
        'spaces': rng.choice([0.0, 0.05, 0.2]),
        'omit_empty': rng.random() < 0.3,
        'zeros': rng.choice(['blank', 'blank', 'zero', 'dash']),
        'rate_decimals': rng.choice([2, 2, 2, 1, 0]),
        'nsdp_label': rng.choice(['NSĐP', 'NSĐP', 'NSDP', 'NS địa phương']),
        'sheet_name': rng.choice(['PL II - Vốn sự nghiệp', 'Phụ lục II', 'Sheet1', 'Von SN']),
        'text_numbers': rng.random() < TEXT_NUMBER_RATE,
    }


def make_one(job):
    """Builds file number `i` (0-based) in outdir; returns (manifest row, truth rows)."""
    seed, i, outdir, options = job
    rng = random.Random(seed * 1_000_003 + i)
    # The consolidation variations draw from their own generator, so without them every file is
    # the same as before they existed.
    merge_rng = random.Random((seed * 1_000_003 + i) ^ 0x5EED)
    commune = f'{rng.choice(PREFIXES)} {rng.choice(SUFFIXES)}'
    province = rng.choice(PROVINCES)
    style = commune_style(rng)
    extras = []
    if merge_rng.random() < options['extra_rows']:
        targets = extra_targets()
        for _ in range(merge_rng.choice([1, 1, 2])):
            label = merge_rng.choice(EXTRA_LABELS).format(place=merge_rng.choice(PLACES))
            extras.append((merge_rng.choice(targets), label))
    style['dong'] = merge_rng.random() < options['dong']
    rows = build_rows(rng, style, extras, merge_rng)
    if merge_rng.random() < options['shuffle']:
        rows = shuffle_siblings(merge_rng, rows)
    code, cell = '', ''
    if rng.random() < options['error_rate']:
        code, v, idx = inject_error(rng, rows, style)
        cell = f'{get_column_letter(FIRST_VALUE_COL + v)}{FIRST_DATA_ROW + idx}'
    name = f'xa_{i + 1:04d}.xlsx'
    write_commune(os.path.join(outdir, name), rng, commune, province, rows, style)
    truth = []
    if options['truth']:
        unit = 'dong' if style['dong'] else 'million-dong'
        for offset, (stt, label, values, key) in enumerate(rows):
            written = []
            for v, value in enumerate(values):
                is_rate = (v % 15) // 3 in (2, 4)
                if value is None or (value == 0 and (style['zeros'] == 'blank' or is_rate)):
                    written.append('')
                elif style['dong'] and not is_rate:
                    written.append(repr(float(round(value * 1_000_000))))
                else:
                    written.append(repr(float(value)))
            truth.append([name, FIRST_DATA_ROW + offset, key, stt, label, int(key == ''), unit] + written)
    return [name, commune, province, len(rows), code, cell], truth


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('count', type=int, help='number of commune files')
    parser.add_argument('outdir')
    parser.add_argument('--seed', type=int, default=2026)
    parser.add_argument('--jobs', type=int, default=1, help='worker processes (the output does not depend on it)')
    parser.add_argument('--shuffle', type=float, default=0.0, help='share of communes listing siblings in another order')
    parser.add_argument('--extra-rows', type=float, default=0.0, help='share of communes adding rows of their own')
    parser.add_argument('--dong', type=float, default=0.0, help='share of communes reporting in đồng')
    parser.add_argument('--error-rate', type=float, default=ERROR_RATE, help='share of files with an injected error')
    parser.add_argument('--truth', action='store_true', help='write OUTDIR/truth.csv (every value of every file)')
    args = parser.parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)
    options = {'shuffle': args.shuffle, 'extra_rows': args.extra_rows, 'dong': args.dong,
               'error_rate': args.error_rate, 'truth': args.truth}
    jobs = [(args.seed, i, args.outdir, options) for i in range(args.count)]
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(make_one, jobs, chunksize=16)
    else:
        results = [make_one(job) for job in jobs]
    with open(os.path.join(args.outdir, 'manifest.csv'), 'w', encoding='utf-8', newline='') as f:
        manifest = csv.writer(f, lineterminator='\n')
        manifest.writerow(['file', 'commune', 'province', 'rows', 'injected_code', 'injected_cell'])
        manifest.writerows(row for row, _ in results)
    if args.truth:
        with open(os.path.join(args.outdir, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
            truth = csv.writer(f, lineterminator='\n')
            truth.writerow(['file', 'sheet_row', 'key', 'stt', 'label', 'extra', 'unit'] +
                           [f'v{n}' for n in range(1, 31)])
            for _, rows in results:
                truth.writerows(rows)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
