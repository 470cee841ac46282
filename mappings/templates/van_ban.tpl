# The list of documents issued to carry out the programs (seed 000's "Phụ lục I"): one row per
# document. The blank template has ten numbered rows. Format: docs/template.md.
[template]
name = van-ban
kind = documents
appendix = I
title = CÁC CƠ CHẾ, CHÍNH SÁCH, VĂN BẢN DO ĐỊA PHƯƠNG BAN HÀNH ĐỂ THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA {PERIOD}
summary_vi = danh mục văn bản đã ban hành: loại văn bản, số và ngày, trích yếu
summary_en = documents issued: kind, number and date, summary
rows = numbered
blank_rows = 10
rules =

[columns]
# id        | width | role | formula | header texts, top to bottom
stt         | 5   | stt    |  | TT
kind        | 14  | text   |  | Loại văn bản
number      | 26  | text   |  | Số, ngày, tháng ban hành
label       | 70  | label  |  | Trích yếu
note        | 14  | note   |  | Ghi chú
