"""A headless LibreOffice of its own for the plugin tests: a fresh profile in a temporary folder, the
built phuluc.oxt installed into that profile with unopkg, a pipe to talk UNO over.

    with OfficeSession(oxt_path) as office:
        doc = office.open_copy(sample)
        result = office.dispatch(doc, "vnd.phuluc.calc:Check", Silent=True)
"""

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.frame import XDispatchResultListener

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
UNOPKG = shutil.which("unopkg") or "/usr/bin/unopkg"


def props(**values):
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


class _ResultListener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.event = None
        self.done = threading.Event()

    def dispatchFinished(self, event):
        self.event = event
        self.done.set()

    def disposing(self, source):
        pass


class OfficeSession:
    def __init__(self, oxt_path, startup_timeout=120):
        self.oxt_path = os.path.abspath(oxt_path)
        self.startup_timeout = startup_timeout
        self.folder = tempfile.mkdtemp(prefix="phuluc-plugin-test-")
        self.profile_url = uno.systemPathToFileUrl(os.path.join(self.folder, "profile"))
        self.pipe = "phuluc_test_" + uuid.uuid4().hex[:12]
        self.process = None
        self.ctx = None
        self.desktop = None

    def __enter__(self):
        self._install_extension()
        self._start_office()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _install_extension(self):
        """unopkg add into this session's own profile (-env:UserInstallation), nothing else."""
        oxt_copy = os.path.join(self.folder, "phuluc.oxt")
        shutil.copyfile(self.oxt_path, oxt_copy)
        installed = self._unopkg("add", "-s", oxt_copy)
        if installed.returncode != 0:
            raise RuntimeError("unopkg add failed: " + installed.stdout + installed.stderr)

    def installed_extensions(self):
        return self._unopkg("list").stdout

    def _unopkg(self, *arguments):
        command = [UNOPKG] + list(arguments) + ["-env:UserInstallation=" + self.profile_url]
        if os.geteuid() == 0:
            # unopkg refuses a per-user install as root (CI runs as root): run it as nobody, in a
            # folder nobody owns; the office itself reads the profile as root afterwards
            subprocess.run(["chown", "-R", "65534:65534", self.folder], check=True)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        return subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
                              env=dict(os.environ, HOME=self.folder), cwd=self.folder)

    def _start_office(self):
        self.log = open(os.path.join(self.folder, "soffice.log"), "wb")
        self.process = subprocess.Popen(
            [SOFFICE, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + self.profile_url,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("soffice did not start; see " + self.log.name)
                time.sleep(0.3)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def close(self):
        if self.desktop is not None:
            try:
                for component in list(self.components()):
                    component.close(True)
            except Exception:
                pass
            try:
                self.desktop.terminate()
            except Exception:  # the bridge goes away while terminating
                pass
            self.desktop = None
        if self.process is not None:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
            self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # documents ---------------------------------------------------------------------------------

    def components(self):
        enumeration = self.desktop.getComponents().createEnumeration()
        while enumeration.hasMoreElements():
            yield enumeration.nextElement()

    def open(self, path, hidden=True):
        return self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, props(Hidden=hidden))

    def set_ui_locale(self, locale):
        """Sets the office's UI language setting (what the extension reads to choose its language)."""
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", props(nodepath="/org.openoffice.Setup/L10N"))
        access.replaceByName("ooLocale", locale)
        access.commitChanges()

    def config(self, nodepath, locale="en-US"):
        """A read-only view of one node of the office configuration, localized values in locale."""
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        return provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", props(nodepath=nodepath, Locale=locale))

    @staticmethod
    def flat_xml_filter():
        return props(FilterName="OpenDocument Spreadsheet Flat XML", Overwrite=True)

    @staticmethod
    def xlsx_filter():
        return props(FilterName="Calc MS Excel 2007 XML", Overwrite=True)

    def dispatch(self, doc, command_url, **arguments):
        """Dispatches command_url in doc's frame, as the menu does, and returns the extension's
        notification: (succeeded, decoded JSON result)."""
        transformer = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.URLTransformer", self.ctx)
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command_url
        _, url = transformer.parseStrict(url)
        frame = doc.getCurrentController().getFrame() if doc is not None else self.desktop
        dispatcher = frame.queryDispatch(url, "_self", 0)
        if dispatcher is None:
            raise AssertionError("no dispatch for " + command_url + " (is the extension installed?)")
        listener = _ResultListener()
        values = tuple(PropertyValue(Name=name, Value=tuple(value) if isinstance(value, list) else value)
                       for name, value in arguments.items())
        dispatcher.dispatchWithNotification(url, values, listener)
        if not listener.done.wait(300):
            raise AssertionError("no notification from " + command_url)
        return listener.event.State == 1, json.loads(listener.event.Result)
