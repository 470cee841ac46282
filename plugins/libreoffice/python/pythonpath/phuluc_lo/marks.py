"""The marks phuluc leaves in a document (highlights, notes, the results sheet) and how they are
taken away again without touching what the user made.

How we know our own marks, even after undo/redo or saving and reopening:
  - our highlights use exact colours nobody picks by chance (MARK_COLOURS);
  - our notes start with MARK_PREFIX; a user's note that was already there is kept under ours, after
    a separator line, and put back when ours goes;
  - a document property (STATE_PROPERTY, JSON) remembers each marked cell's own background and
    note from before we marked it. Entries are kept for good: an undo can bring old marks back, and
    they must still be clearable.
A cell the user recoloured or whose note the user rewrote is no longer ours and is left alone.
"""

import json

from phuluc_lo.texts import MARK_PREFIX, text

ERROR_COLOUR = 0xFFB9B9    # light red: an error to look at
WARNING_COLOUR = 0xFFE7A3  # light orange: a warning, or a formula phuluc did not overwrite
FIXED_COLOUR = 0xC9F2C0    # light green: a value phuluc corrected
MARK_COLOURS = (ERROR_COLOUR, WARNING_COLOUR, FIXED_COLOUR)

STATE_PROPERTY = "PhulucMarks"
RESULTS_SHEET_NAMES = (text("sheet.name", "vi"), text("sheet.name", "en"))


def is_results_sheet_name(name):
    """Whether a sheet name is (a numbered variant of) our results sheet's, in either language."""
    return any(name.startswith(ours) for ours in RESULTS_SHEET_NAMES)
REMOVEABLE = 128  # com.sun.star.beans.PropertyAttribute.REMOVEABLE


def cell_key(sheet_name, cell_name):
    return sheet_name + "\t" + cell_name


# ---- the remembered state ------------------------------------------------------------------------

def load_state(model):
    user_properties = model.getDocumentProperties().getUserDefinedProperties()
    if not user_properties.getPropertySetInfo().hasPropertyByName(STATE_PROPERTY):
        return {"cells": {}}
    try:
        state = json.loads(user_properties.getPropertyValue(STATE_PROPERTY))
    except (ValueError, TypeError):
        return {"cells": {}}
    state.setdefault("cells", {})
    return state


def save_state(model, state):
    user_properties = model.getDocumentProperties().getUserDefinedProperties()
    encoded = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    if user_properties.getPropertySetInfo().hasPropertyByName(STATE_PROPERTY):
        user_properties.setPropertyValue(STATE_PROPERTY, encoded)
    else:
        user_properties.addProperty(STATE_PROPERTY, REMOVEABLE, encoded)


# ---- notes (annotations) -------------------------------------------------------------------------

def note_text(cell):
    return cell.getAnnotation().getString()


def set_note(sheet, cell, content):
    sheet.getAnnotations().insertNew(cell.getCellAddress(), content)


def remove_note(sheet, cell):
    address = cell.getCellAddress()
    notes = sheet.getAnnotations()
    for index in range(notes.getCount()):
        position = notes.getByIndex(index).getPosition()
        if position.Column == address.Column and position.Row == address.Row:
            notes.removeByIndex(index)
            return


def _users_part(ours):
    """The user's earlier note kept under one of ours (after the separator line), or None."""
    for lang in ("vi", "en"):
        separator = "\n" + text("note.previous", lang) + "\n"
        if separator in ours:
            return ours.split(separator, 1)[1]
    return None


# ---- clearing --------------------------------------------------------------------------------

def clear_marks(model, state):
    """Takes away every mark of ours: remembered cells first, then any note of ours the state
    does not know (a document saved by another copy of the extension). Our results sheet stays: it is
rewritten by write_results_sheet."""
    sheets = model.getSheets()
    for key, original in state["cells"].items():
        sheet_name, cell_name = key.split("\t", 1)
        if not sheets.hasByName(sheet_name):
            continue
        sheet = sheets.getByName(sheet_name)
        _restore_cell(sheet, sheet.getCellRangeByName(cell_name), original)
    for index in range(sheets.getCount()):
        _clear_unknown_notes(sheets.getByIndex(index))


def _restore_cell(sheet, cell, original):
    if cell.CellBackColor in MARK_COLOURS:
        # -1 is "no fill" (COL_TRANSPARENT); setting IsCellBackgroundTransparent would keep our RGB
        cell.CellBackColor = -1 if original.get("transparent", True) else original.get("back", -1)
    current = note_text(cell)
    if current.startswith(MARK_PREFIX):
        users = original.get("note")
        if users:
            set_note(sheet, cell, users)
        else:
            remove_note(sheet, cell)


def _clear_unknown_notes(sheet):
    notes = sheet.getAnnotations()
    ours = []
    for index in range(notes.getCount()):
        note = notes.getByIndex(index)
        if note.getString().startswith(MARK_PREFIX):
            ours.append((note.getPosition(), note.getString()))
    for position, content in ours:
        cell = sheet.getCellByPosition(position.Column, position.Row)
        if cell.CellBackColor in MARK_COLOURS:
            cell.CellBackColor = -1
        users = _users_part(content)
        if users:
            set_note(sheet, cell, users)
        else:
            remove_note(sheet, cell)


def find_results_sheet(model):
    """Our results sheet, if the document has one (recognised by our marker in A1), else None."""
    sheets = model.getSheets()
    for name in RESULTS_SHEET_NAMES:
        if sheets.hasByName(name) and _is_ours(sheets.getByName(name)):
            return sheets.getByName(name)
    return None


def _is_ours(sheet):
    return sheet.getCellByPosition(0, 0).getString().startswith(MARK_PREFIX)


# ---- marking ---------------------------------------------------------------------------------

def mark_cell(model, state, sheet_name, cell_name, colour, content, lang):
    """Highlights the cell and gives it our note, remembering its own look first."""
    sheets = model.getSheets()
    if not sheets.hasByName(sheet_name):
        return False
    sheet = sheets.getByName(sheet_name)
    cell = sheet.getCellRangeByName(cell_name)
    original = state["cells"].setdefault(cell_key(sheet_name, cell_name), {})
    if cell.CellBackColor not in MARK_COLOURS:
        original["transparent"] = bool(cell.IsCellBackgroundTransparent)
        original["back"] = cell.CellBackColor
    current = note_text(cell)
    if not current.startswith(MARK_PREFIX):
        original["note"] = current or None
    users = original.get("note")
    if users:
        content += "\n\n" + text("note.previous", lang) + "\n" + users
    cell.CellBackColor = colour
    set_note(sheet, cell, content)
    return True


# ---- the results sheet -----------------------------------------------------------------------

def ensure_results_sheet(model, lang):
    """Our results sheet, added at the end when missing. Call it outside the command's undo step:
    adding a sheet is its own step (undoing a sheet insertion inside a hidden document crashes
    LibreOffice 7.4), and the sheet is then rewritten in place, never removed."""
    sheet = find_results_sheet(model)
    if sheet is not None:
        return sheet
    sheets = model.getSheets()
    name = text("sheet.name", lang)
    if sheets.hasByName(name):  # a sheet of the user's that happens to have our name
        name += " (2)"
    sheets.insertNewByName(name, sheets.getCount())
    sheet = sheets.getByName(name)
    sheet.getCellByPosition(0, 0).setString(MARK_PREFIX)
    return sheet


def write_results_sheet(model, sheet, lang, title, header, rows):
    """Rewrites the results sheet: a title (our marker first), a hint, the header, then one row per
    entry. rows: (sheet, cell, values...) where column A becomes a link to 'sheet'.cell."""
    sheet.clearContents(1023)  # every com.sun.star.sheet.CellFlags: values, notes, formats
    sheet.getCellByPosition(0, 0).setString(title)
    sheet.getCellByPosition(0, 0).CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
    sheet.getCellByPosition(0, 1).setString(text("sheet.hint", lang))
    # cell by cell, not setDataArray: LibreOffice 7.4 does not undo setDataArray into empty cells
    for column, title_text in enumerate(header):
        sheet.getCellByPosition(column, 3).setString(title_text)
    sheet.getCellRangeByPosition(0, 3, len(header) - 1, 3).CharWeight = 150.0
    for offset, row in enumerate(rows):
        _write_link(model, sheet.getCellByPosition(0, 4 + offset), row[0], row[1])
        for column, value in enumerate((row[0],) + tuple(row[2:]), start=1):
            if value not in (None, ""):
                sheet.getCellByPosition(column, 4 + offset).setString(str(value))
    _set_widths(sheet, (2400, 5000, 2600, 4200, 7000, 3400, 3400, 16000)[:len(header)])
    return sheet.getName()


def _write_link(model, cell, sheet_name, cell_name):
    """A link inside the workbook: clicking it selects the cell (kept as a hyperlink in .xlsx)."""
    field = model.createInstance("com.sun.star.text.TextField.URL")
    field.URL = "#" + quote_sheet(sheet_name) + "." + cell_name
    field.Representation = cell_name
    cell.insertTextContent(cell.createTextCursor(), field, False)


def quote_sheet(name):
    """A sheet name as Calc writes it in a reference: 'PL II - Vốn sự nghiệp'."""
    return "'" + name.replace("'", "''") + "'"


def _set_widths(sheet, widths):
    columns = sheet.getColumns()
    for index, width in enumerate(widths):
        columns.getByIndex(index).Width = width  # 1/100 mm
