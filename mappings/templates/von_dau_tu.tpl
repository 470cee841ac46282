# The funds appendix for vốn đầu tư phát triển (seed 002's "phụ biểu số 02", xã Lùng Phình): one row
# per investment project (công trình) under its program, Dự án and Tiểu dự án; plan, disbursed and
# the rate. The công trình rows are the commune's own: the blank template has one empty row under
# each Tiểu dự án (or Dự án without Tiểu dự án) to type them in. Format: docs/template.md.
[template]
name = von-dau-tu
kind = investment
appendix = III
title = TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ PHÁT TRIỂN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA {PERIOD}
summary_vi = vốn đầu tư phát triển: mỗi công trình một dòng dưới chương trình, dự án, tiểu dự án; kế hoạch, giải ngân, tỷ lệ
summary_en = development investment funds: one row per công trình under its program, project and sub-project; plan, disbursed, rate
rows = programs
programs = dtts, gnbv, ntm
depth = subproject
detail_rows = 1
total = TỔNG CỘNG
rules = not-a-number, negative-amount, split-mismatch, sum-mismatch, total-mismatch, rate-mismatch

[columns]
# id        | width | role | formula | header texts, top to bottom
stt         | 5   | stt    |               | STT
label       | 40  | label  |               | Danh mục công trình
place       | 14  | text   |               | Địa điểm xây dựng
plan        | 11  | amount | plan.c+plan.l | Kế hoạch vốn năm {year} › Tổng số
plan.c      | 11  | amount |               | Kế hoạch vốn năm {year} › NSTW
plan.l      | 11  | amount |               | Kế hoạch vốn năm {year} › NSĐP
disb        | 11  | amount | disb.c+disb.l | Giải ngân đến ngày {disbursed_to} › Tổng số
disb.c      | 11  | amount |               | Giải ngân đến ngày {disbursed_to} › NSTW
disb.l      | 11  | amount |               | Giải ngân đến ngày {disbursed_to} › NSĐP
rate        | 8   | rate   | disb/plan     | Tỷ lệ giải ngân (%)
note        | 14  | note   |               | Ghi chú
