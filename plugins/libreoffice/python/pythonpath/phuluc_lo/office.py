"""Small UNO helpers: temporary copies, the UI language, message boxes, file pickers."""

import os
import tempfile

import uno  # sets up the com.sun.star imports below
from com.sun.star.beans import PropertyValue

XLSX_FILTER = "Calc MS Excel 2007 XML"


def props(**values):
    """A tuple of PropertyValue from keyword arguments (the UNO way of passing options)."""
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


def is_spreadsheet(model):
    return model is not None and model.supportsService("com.sun.star.sheet.SpreadsheetDocument")


def ui_language(ctx):
    """"en" when the office UI speaks English, else "vi" (the users are Vietnamese offices)."""
    locale = ""
    try:
        provider = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Setup/L10N"))
        locale = access.getByName("ooLocale") or ""
    except Exception:  # no configuration: fall back to the environment
        locale = ""
    if not locale:
        locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or "vi"
    return "en" if locale.lower().startswith("en") else "vi"


def store_temporary_copy(model, directory, name="phuluc_copy.xlsx"):
    """Stores the open document as .xlsx in directory and returns the path; the document itself,
    its file, its location and its modified flag are left as they are (storeToURL, not storeAsURL)."""
    path = os.path.join(directory, name)
    model.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=XLSX_FILTER, Overwrite=True))
    return path


def make_work_directory():
    return tempfile.mkdtemp(prefix="phuluc-lo-")


def show_message(ctx, frame, title, message, kind="error"):
    """A modal message box over frame's window (ERRORBOX or INFOBOX)."""
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX
    box_type = ERRORBOX if kind == "error" else INFOBOX
    toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    parent = frame.getContainerWindow() if frame is not None else None
    box = toolkit.createMessageBox(parent, box_type, 1, title, message)  # 1: an OK button
    try:
        box.execute()
    finally:
        box.dispose()


def pick_files(ctx, title, filter_name):
    """The files the user picks (several allowed) as system paths; empty when cancelled."""
    picker = ctx.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.ui.dialogs.FilePicker", (0,), ctx)  # 0: FILEOPEN_SIMPLE
    picker.setTitle(title)
    picker.appendFilter(filter_name, "*.xlsx;*.xlsm;*.xls;*.csv")
    picker.setCurrentFilter(filter_name)
    picker.setMultiSelectionMode(True)
    if picker.execute() != 1:  # 1: OK
        return []
    return _selected_paths(picker)


def _selected_paths(picker):
    try:
        urls = picker.getSelectedFiles()  # XFilePicker3: one full URL per file
    except AttributeError:
        urls = ()
    if not urls:
        # older pickers: the folder first, then bare names
        files = picker.getFiles()
        if len(files) <= 1:
            urls = files
        else:
            folder = files[0].rstrip("/")
            urls = [folder + "/" + name for name in files[1:]]
    return [uno.fileUrlToSystemPath(url) for url in urls]


def open_as_untitled(ctx, path, hidden=False):
    """Opens path as a new untitled document, so that Save asks where to keep it (None on failure)."""
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(path), "_blank", 0, props(AsTemplate=True, Hidden=hidden))


class Undo:
    """One undo step around a block: `with Undo(model, title):` (enter/leaveUndoContext).

    On an exception the step is left and undone at once, so nothing half-done stays in the document."""

    def __init__(self, model, title):
        self.manager = model.getUndoManager()
        self.title = title

    def __enter__(self):
        self.manager.enterUndoContext(self.title)
        return self

    def __exit__(self, kind, value, trace):
        self.manager.leaveUndoContext()
        if kind is not None:
            try:
                self.manager.undo()
            except Exception:
                pass
        return False


def to_system_path(url_or_path):
    if url_or_path.startswith("file:"):
        return uno.fileUrlToSystemPath(url_or_path)
    return url_or_path

