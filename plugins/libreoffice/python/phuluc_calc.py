"""The UNO component of the phuluc extension: a protocol handler for vnd.phuluc.calc:Check, :Fix and
:Merge (ProtocolHandler.xcu), called from the "Phụ lục" menu and toolbar (Addons.xcu).

Thin glue only: the commands (pythonpath/phuluc_lo/commands.py) run the phuluc program and write its
answers into the document. Optional dispatch arguments, for automation and tests:
  Silent (bool)      show no message box; the message goes to the notification result instead
  Binary (string)    the phuluc program to run
  Files (strings)    Merge: the commune files (paths or file URLs) instead of the file picker
  Language ("vi"|"en") instead of the office's UI language
  Hidden (bool)      Merge: open the merged workbook hidden (a headless office cannot show it)
dispatchWithNotification reports a JSON object: {"ok", "message", "kind", ...facts}.
"""

import json
import traceback

import unohelper  # also sets up the com.sun.star imports below
from com.sun.star.frame import (DispatchResultEvent, FeatureStateEvent, XDispatchProvider,
                                XNotifyingDispatch)
from com.sun.star.frame.DispatchResultState import FAILURE, SUCCESS
from com.sun.star.lang import XInitialization, XServiceInfo

from phuluc_lo import commands, office, runner
from phuluc_lo.texts import text

IMPLEMENTATION = "vn.phuluc.calc.ProtocolHandler"
SERVICES = ("com.sun.star.frame.ProtocolHandler",)
PROTOCOL = "vnd.phuluc.calc:"
COMMANDS = ("Check", "Fix", "Merge")
TITLES = {"Check": "title.check", "Fix": "title.fix", "Merge": "title.merge"}


class ProtocolHandler(unohelper.Base, XInitialization, XDispatchProvider, XNotifyingDispatch, XServiceInfo):
    def __init__(self, ctx, *args):
        self.ctx = ctx
        self.frame = None

    # XInitialization: the framework hands us the frame the command was given in
    def initialize(self, arguments):
        if arguments:
            self.frame = arguments[0]

    # XDispatchProvider
    def queryDispatch(self, url, target, flags):
        if url.Protocol == PROTOCOL and url.Path in COMMANDS:
            return self
        return None

    def queryDispatches(self, requests):
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags) for r in requests)

    # XDispatch / XNotifyingDispatch
    def dispatch(self, url, arguments):
        self._run(url, arguments)

    def dispatchWithNotification(self, url, arguments, listener):
        outcome = self._run(url, arguments)
        if listener is not None:
            event = DispatchResultEvent()
            event.Source = self
            event.State = SUCCESS if outcome.ok else FAILURE
            event.Result = json.dumps(outcome.as_dict(), ensure_ascii=False)
            listener.dispatchFinished(event)

    def addStatusListener(self, listener, url):
        state = FeatureStateEvent()
        state.FeatureURL = url
        state.IsEnabled = True
        state.Source = self
        listener.statusChanged(state)

    def removeStatusListener(self, listener, url):
        pass

    # XServiceInfo
    def getImplementationName(self):
        return IMPLEMENTATION

    def supportsService(self, name):
        return name in SERVICES

    def getSupportedServiceNames(self):
        return SERVICES

    # the work
    def _run(self, url, arguments):
        options = {argument.Name: argument.Value for argument in arguments}
        lang = options.get("Language") or office.ui_language(self.ctx)
        try:
            outcome = self._command(url.Path, options, lang)
        except runner.PhulucFailure as error:
            outcome = commands.failure(error, lang)
        except Exception as error:  # a bug of ours or a UNO failure while writing: say so, never crash the office
            detail = getattr(error, "Message", "") or str(error) or type(error).__name__
            traceback.print_exc()
            outcome = commands.Outcome(False, text("error.apply", lang, detail=detail), "error", code="error.apply")
        if outcome.message and not options.get("Silent", False):
            office.show_message(self.ctx, self.frame, text(TITLES[url.Path], lang), outcome.message,
                                "error" if outcome.kind == "error" else "info")
        return outcome

    def _command(self, command, options, lang):
        binary = options.get("Binary") or None
        if command == "Merge":
            files = options.get("Files")
            return commands.merge(self.ctx, lang, binary, list(files) if files is not None else None,
                                  bool(options.get("Hidden", False)))
        model = self.frame.getController().getModel() if self.frame is not None else None
        if not office.is_spreadsheet(model):
            return commands.Outcome(False, text("error.not-calc", lang), "error", code="error.not-calc")
        if command == "Check":
            return commands.check(self.ctx, model, lang, binary)
        return commands.fix(self.ctx, model, lang, binary)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(ProtocolHandler, IMPLEMENTATION, SERVICES)
