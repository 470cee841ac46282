# The NTM criteria appendix for the national set 2021 - 2025 (19 criteria, QĐ 318/QĐ-TTg), as in seed 000's
# "Phụ lục IV": one row per criterion, its indicators under it, the "Tổng" row counting the criteria
# whose every indicator is met ("4/19"). Format: docs/template.md.
[template]
name = tieu-chi-ntm-2021
kind = criteria
appendix = IV
title = TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2021 - 2025 {PERIOD}
summary_vi = tiêu chí xã nông thôn mới giai đoạn 2021 - 2025 (19 tiêu chí): tiêu chí, chỉ tiêu, kết quả, dòng Tổng
summary_en = NTM commune criteria 2021 - 2025 (19 criteria): criterion, indicator, target, result, the Tổng row
rows = criteria
criteria_set = ntm.tc2021
total = Tổng
rules = criteria-count-mismatch, criteria-verdict-mismatch, target-holds-verdict

[columns]
# id        | width | role | formula | header texts, top to bottom
stt         | 5   | stt    |  | TT
label       | 24  | label  |  | Tên tiêu chí
indicator   | 60  | text   |  | Nội dung tiêu chí
target      | 16  | text   |  | Chỉ tiêu
result      | 16  | text   |  | Kết quả {period}
note        | 16  | note   |  | Ghi chú
