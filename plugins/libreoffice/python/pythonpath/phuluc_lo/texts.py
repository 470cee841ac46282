"""Every word the extension shows, in Vietnamese and English (one table, as report/messages.cpp does).

Findings themselves are worded by phuluc (--lang vi|en); these are only the glue's own words.
"""

import unicodedata

MARK_PREFIX = "[phuluc]"  # first word of every note we write: how we recognise our own notes

TEXTS = {
    # Message box titles
    "title.check": ("Phụ lục · Kiểm tra", "Phụ lục · Check"),
    "title.fix": ("Phụ lục · Sửa lỗi", "Phụ lục · Fix errors"),
    "title.merge": ("Phụ lục · Tổng hợp", "Phụ lục · Merge"),
    # Failures: each ends by saying that nothing was changed
    "error.not-found": (
        "Không tìm thấy chương trình phuluc ({where}).\n"
        "Hãy cài đặt phuluc, hoặc đặt biến môi trường PHULUC_BINARY chỉ tới tệp chương trình, rồi thử lại.\n"
        "Bảng tính chưa bị thay đổi.",
        "The phuluc program was not found ({where}).\n"
        "Install phuluc, or set the PHULUC_BINARY environment variable to the program file, then try again.\n"
        "The spreadsheet has not been changed.",
    ),
    "error.not-runnable": (
        "Không chạy được chương trình phuluc ({where}): {detail}\nBảng tính chưa bị thay đổi.",
        "The phuluc program could not be started ({where}): {detail}\nThe spreadsheet has not been changed.",
    ),
    "error.failed": (
        "phuluc không xử lý được bảng tính này:\n{detail}\nBảng tính chưa bị thay đổi.",
        "phuluc could not process this spreadsheet:\n{detail}\nThe spreadsheet has not been changed.",
    ),
    "error.crashed": (
        "Chương trình phuluc bị dừng bất thường ({detail}).\n"
        "Bảng tính chưa bị thay đổi. Xin gửi tệp này cho người bảo trì phuluc.",
        "The phuluc program stopped abnormally ({detail}).\n"
        "The spreadsheet has not been changed. Please send this file to phuluc's maintainers.",
    ),
    "error.timeout": (
        "phuluc chạy quá {seconds} giây nên đã bị dừng. Bảng tính chưa bị thay đổi.",
        "phuluc ran longer than {seconds} seconds and was stopped. The spreadsheet has not been changed.",
    ),
    "error.bad-output": (
        "phuluc trả về kết quả không đọc được ({detail}). Bảng tính chưa bị thay đổi.",
        "phuluc returned output that could not be read ({detail}). The spreadsheet has not been changed.",
    ),
    "error.store-copy": (
        "Không lưu được bản sao tạm của bảng tính ({detail}). Bảng tính chưa bị thay đổi.",
        "Could not store a temporary copy of the spreadsheet ({detail}). The spreadsheet has not been changed.",
    ),
    "error.not-calc": (
        "Lệnh này chỉ dùng được trong một bảng tính LibreOffice Calc.",
        "This command works only in a LibreOffice Calc spreadsheet.",
    ),
    "error.apply": (
        "Có lỗi khi ghi kết quả vào bảng tính ({detail}). Mọi thay đổi đã được hoàn tác.",
        "Writing the results into the spreadsheet failed ({detail}). Every change was undone.",
    ),
    "error.open-result": (
        "Đã tổng hợp nhưng không mở được tệp kết quả {path} ({detail}).",
        "The merge was written but its result {path} could not be opened ({detail}).",
    ),
    # Outcomes
    "check.clean": (
        "Kiểm tra xong: không thấy lỗi số học nào.",
        "Check done: no arithmetic error found.",
    ),
    "check.done": (
        "Kiểm tra xong: {errors} lỗi, {warnings} cảnh báo, {notices} ghi chú.\n"
        "Các ô có vấn đề đã được tô màu và có ghi chú; danh sách đầy đủ ở trang \"{sheet}\".",
        "Check done: {errors} error(s), {warnings} warning(s), {notices} notice(s).\n"
        "The cells concerned are highlighted and commented; the full list is on the sheet \"{sheet}\".",
    ),
    "fix.nothing": (
        "phuluc không thấy ô nào cần sửa.",
        "phuluc found no cell to correct.",
    ),
    "fix.done": (
        "Đã sửa {corrected} ô (hoàn tác được trong một bước: Sửa › Hoàn tác, Ctrl+Z).\n"
        "{unresolved} chỗ chưa sửa được vẫn được đánh dấu. Danh sách ở trang \"{sheet}\".",
        "{corrected} cells corrected (one step to undo: Edit › Undo, Ctrl+Z).\n"
        "{unresolved} places that could not be corrected stay marked. The list is on the sheet \"{sheet}\".",
    ),
    "merge.done": (
        "Đã tổng hợp {merged} tệp. Bảng tổng hợp đã được mở (chưa lưu).",
        "{merged} files merged. The consolidated workbook is open (not saved yet).",
    ),
    "merge.refused": (
        "Không đưa vào tổng hợp:\n{lines}",
        "Left out of the merge:\n{lines}",
    ),
    "merge.pick-title": ("Chọn các tệp phụ lục của các xã", "Choose the communes' appendix files"),
    "merge.filter": ("Bảng tính (xlsx, xlsm, xls, csv)", "Spreadsheets (xlsx, xlsm, xls, csv)"),
    "undo.check": ("Phụ lục: Kiểm tra", "Phụ lục: Check"),
    "undo.fix": ("Phụ lục: Sửa lỗi", "Phụ lục: Fix errors"),
    # Notes and the results sheet
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Cảnh báo", "Warning"),
    "severity.notice": ("Ghi chú", "Notice"),
    "note.found": ("Giá trị trong ô: {value}", "Value in the cell: {value}"),
    "note.expected": ("Giá trị đúng: {value}", "Expected value: {value}"),
    "note.blank": ("(trống)", "(blank)"),
    "note.fixed": ("{prefix} Đã sửa", "{prefix} Corrected"),
    "note.unresolved": ("{prefix} Chưa sửa được", "{prefix} Not corrected"),
    "note.formula": (
        "Ô có công thức nên không bị ghi đè; phuluc đề xuất giá trị {value}.",
        "The cell holds a formula, so it was not overwritten; phuluc proposes {value}.",
    ),
    "note.previous": ("— Ghi chú có trước —", "— Earlier note —"),
    "sheet.name": ("Kết quả phuluc", "phuluc results"),
    "sheet.check-title": (
        "{prefix} Kết quả kiểm tra: {errors} lỗi, {warnings} cảnh báo, {notices} ghi chú",
        "{prefix} Check results: {errors} error(s), {warnings} warning(s), {notices} notice(s)",
    ),
    "sheet.fix-title": ("{prefix} Kết quả sửa lỗi", "{prefix} Fix results"),
    "sheet.check-header": (
        ("Ô", "Trang", "Mức", "Mã", "Vấn đề", "Giá trị trong ô", "Giá trị đúng", "Giải thích"),
        ("Cell", "Sheet", "Severity", "Code", "Problem", "Value in the cell", "Expected", "Explanation"),
    ),
    "sheet.fix-header": (
        ("Ô", "Trang", "Kết quả", "Mã", "Giá trị cũ", "Giá trị mới", "Giải thích"),
        ("Cell", "Sheet", "Outcome", "Code", "Old value", "New value", "Explanation"),
    ),
    "sheet.fixed": ("Đã sửa", "Corrected"),
    "sheet.formula-kept": ("Giữ công thức", "Formula kept"),
    "sheet.unresolved": ("Chưa sửa được", "Not corrected"),
    "sheet.hint": (
        "Bấm vào địa chỉ ô ở cột A để đến ô đó. Trang này do phuluc tạo; chạy lại Kiểm tra sẽ thay nó.",
        "Click a cell address in column A to go to it. phuluc made this sheet; running Check again replaces it.",
    ),
}


def text(key, lang, **values):
    """The text for key in lang ("vi" or "en"), NFC, with {placeholders} filled."""
    vi, en = TEXTS[key]
    chosen = en if lang == "en" else vi
    if isinstance(chosen, tuple):
        return tuple(unicodedata.normalize("NFC", item) for item in chosen)
    return unicodedata.normalize("NFC", chosen.format(prefix=MARK_PREFIX, **values))


def format_number(value, decimals, lang):
    """A number the way people of lang write it: 1.234,57 (vi) or 1,234.57 (en); formatting only."""
    if value is None:
        return text("note.blank", lang)
    if isinstance(value, str):
        return value
    digits = max(0, min(int(decimals if decimals is not None else 2), 6))
    written = f"{value:,.{digits}f}"
    if lang == "en":
        return written
    return written.replace(",", "\0").replace(".", ",").replace("\0", ".")
