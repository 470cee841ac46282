# The funds appendix for vốn sự nghiệp (seed 000's "Phụ lục II", xã Mường Kim, 19/6/2026): two blocks
# (money carried over from last year, this year's money) × five groups (plan, disbursed, rate,
# year-end estimate, rate) × Tổng số / NSTW / NSĐP. Format: docs/template.md.
[template]
name = von-su-nghiep
kind = funds
appendix = II
title = TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA {PERIOD}
summary_vi = vốn sự nghiệp: khối kéo dài và khối năm nay × kế hoạch, giải ngân, tỷ lệ, ước giải ngân, tỷ lệ × Tổng số/NSTW/NSĐP
summary_en = recurrent funds (vốn sự nghiệp): carried-over and current blocks × plan, disbursed, rate, estimate, rate × total/NSTW/NSĐP
rows = programs
programs = dtts, gnbv, ntm
depth = content
total = TỔNG CỘNG
rules = not-a-number, negative-amount, split-mismatch, sum-mismatch, total-mismatch, rate-mismatch

[columns]
# id        | width | role | formula (Tổng số = parts; rate = amount/plan) | header texts, top to bottom
stt         | 5   | stt   |                       | STT
label       | 42  | label |                       | Nội dung
k.plan      | 9   | amount| k.plan.c+k.plan.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Kế hoạch vốn › Tổng số
k.plan.c    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Kế hoạch vốn › NSTW
k.plan.l    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Kế hoạch vốn › NSĐP
k.disb      | 9   | amount| k.disb.c+k.disb.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Giải ngân kế hoạch vốn kéo dài đến {disbursed_to} › Tổng số
k.disb.c    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Giải ngân kế hoạch vốn kéo dài đến {disbursed_to} › NSTW
k.disb.l    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Giải ngân kế hoạch vốn kéo dài đến {disbursed_to} › NSĐP
k.rate_d    | 6.5 | rate  | k.disb/k.plan         | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › Tổng số
k.rate_d.c  | 6.5 | rate  | k.disb.c/k.plan.c     | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › NSTW
k.rate_d.l  | 6.5 | rate  | k.disb.l/k.plan.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › NSĐP
k.est       | 9   | amount| k.est.c+k.est.l       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Ước giải ngân đến hết năm {year} › Tổng số
k.est.c     | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Ước giải ngân đến hết năm {year} › NSTW
k.est.l     | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Ước giải ngân đến hết năm {year} › NSĐP
k.rate_e    | 6.5 | rate  | k.est/k.plan          | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › Tổng số
k.rate_e.c  | 6.5 | rate  | k.est.c/k.plan.c      | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › NSTW
k.rate_e.l  | 6.5 | rate  | k.est.l/k.plan.l      | Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm {prev_year} sang năm {year} › Tỷ lệ giải ngân › NSĐP
n.plan      | 9   | amount| n.plan.c+n.plan.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Kế hoạch vốn › Tổng số
n.plan.c    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Kế hoạch vốn › NSTW
n.plan.l    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Kế hoạch vốn › NSĐP
n.disb      | 9   | amount| n.disb.c+n.disb.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Giải ngân kế hoạch vốn năm {year} đến {disbursed_to} › Tổng số
n.disb.c    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Giải ngân kế hoạch vốn năm {year} đến {disbursed_to} › NSTW
n.disb.l    | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Giải ngân kế hoạch vốn năm {year} đến {disbursed_to} › NSĐP
n.rate_d    | 6.5 | rate  | n.disb/n.plan         | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › Tổng số
n.rate_d.c  | 6.5 | rate  | n.disb.c/n.plan.c     | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › NSTW
n.rate_d.l  | 6.5 | rate  | n.disb.l/n.plan.l     | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › NSĐP
n.est       | 9   | amount| n.est.c+n.est.l       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Ước giải ngân đến hết năm {year} › Tổng số
n.est.c     | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Ước giải ngân đến hết năm {year} › NSTW
n.est.l     | 9   | amount|                       | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Ước giải ngân đến hết năm {year} › NSĐP
n.rate_e    | 6.5 | rate  | n.est/n.plan          | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › Tổng số
n.rate_e.c  | 6.5 | rate  | n.est.c/n.plan.c      | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › NSTW
n.rate_e.l  | 6.5 | rate  | n.est.l/n.plan.l      | Tình hình thực hiện kế hoạch vốn sự nghiệp năm {year} › Tỷ lệ giải ngân › NSĐP
note        | 12  | note  |                       | Ghi chú
