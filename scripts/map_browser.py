#!/usr/bin/env python3
"""Drives map.html in real headless Chromium over the DevTools protocol
(`--remote-debugging-pipe`: no port, no extra Python package).

    map_browser.py MAP_HTML --subject ID [--screenshot PNG] [--search-screenshot PNG]
    map_browser.py MAP_HTML --bench TERM [TERM ...]

The first form does what a keyboard user does: Tab to the search box, type
the id, arrow down the results to the subject group, press Enter, and reads
the systems the page lists. Then it opens the deep link MAP_HTML#q=ID on a
fresh load and changes the hash (hashchange). It prints one JSON object:

    {"tabsToSearch": 2, "listed": [...], "focusAfterSelect": "detail-heading",
     "deepLink": {...}, "hashChange": {...}, "requests": [...], "consoleErrors": [...]}

`requests` is every URL the page asked for (the Network domain sees all,
file: included), minus the page itself. The browser also runs behind a
proxy that does not exist, so nothing could leave the machine anyway.

The second form times the search (typing TERM and rendering the results) in
the page, best and median of 20 runs each, in milliseconds.

Exit 0 with the JSON, 2 when Chromium cannot be run or the page cannot be driven.
"""
import argparse
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

TIMEOUT = 60.0


class Browser:
    def __init__(self, width=1400, height=1000):
        exe = os.environ.get("CHROMIUM") or next(
            (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
        if not exe:
            raise RuntimeError("no Chromium found (scripts/bootstrap.sh --test installs Debian's chromium)")
        self.profile = tempfile.mkdtemp(prefix="dpflow-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        hi_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
        hi_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)

        def child():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [
            exe, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        # close_fds=False: fds 3 and 4 are made in the child; every other pipe end is close-on-exec.
        self.proc = subprocess.Popen(args, close_fds=False, preexec_fn=child,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_chrome_r, from_chrome_w, hi_r, hi_w):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_chrome, self.from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def wait_event(self, method, since=0):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for e in self.events[since:]:
                if e["method"] == method:
                    return e
            since = len(self.events)
            self.events.append(self._read_message(deadline))

    def open_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.call(domain + ".enable")

    def navigate(self, url):
        mark = len(self.events)
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", mark)

    def js(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("page script failed: %s" % json.dumps(r["exceptionDetails"])[:500])
        return r.get("result", {}).get("value")

    def key(self, key, code=None, vk=0, text=None):
        down = {"type": "keyDown" if text else "rawKeyDown", "key": key, "code": code or key, "windowsVirtualKeyCode": vk}
        if text:
            down["text"] = text
            down["unmodifiedText"] = text
        self.call("Input.dispatchKeyEvent", down)
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code or key, "windowsVirtualKeyCode": vk})

    def type_text(self, text):
        for ch in text:
            self.key(ch, code="", vk=ord(ch.upper()) if ch.isalnum() else 0, text=ch)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def console_errors(self):
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append(d.get("exception", {}).get("description") or d.get("text", "exception"))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
        return out

    def requests(self, page_url):
        own = page_url.split("#", 1)[0]
        urls = [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]
        return [u for u in urls if u.split("#", 1)[0] != own]


LISTED = "Array.from(document.querySelectorAll('#places [data-system]')).map(e => e.getAttribute('data-system'))"
RESULTS = "Array.from(document.querySelectorAll('#results button')).map(b => b.getAttribute('data-kind') + ':' + b.getAttribute('data-id'))"
ACTIVE = "(document.activeElement && (document.activeElement.id || (document.activeElement.getAttribute('data-kind') + ':' + document.activeElement.getAttribute('data-id'))))"


def check(b, url, subject, shot, search_shot):
    b.navigate(url)
    if shot:
        b.screenshot(shot)
    out = {}
    # Tab order: the skip link first, then the search box.
    tabs = 0
    while tabs < 6 and b.js(ACTIVE) != "q":
        b.key("Tab", vk=9)
        tabs += 1
    out["tabsToSearch"] = tabs
    out["focusVisibleOnSearch"] = b.js("document.activeElement.matches(':focus-visible')")
    b.type_text(subject)
    out["resultsAfterTyping"] = b.js(RESULTS)
    out["resultStatus"] = b.js("document.getElementById('result-status').textContent")
    want = "0:" + subject
    b.key("ArrowDown", vk=40)
    steps = 0
    while b.js(ACTIVE) != want and steps < 80:
        b.key("ArrowDown", vk=40)
        steps += 1
    out["focusedResult"] = b.js(ACTIVE)
    b.key("Enter", vk=13, text="\r")
    out["listed"] = b.js(LISTED)
    out["focusAfterSelect"] = b.js(ACTIVE)
    out["detailHeading"] = b.js("document.getElementById('detail-heading').textContent")
    out["highlighted"] = b.js("document.querySelectorAll('#map-svg g.node.hl').length")
    out["hashAfterSelect"] = b.js("location.hash")
    if search_shot:
        b.screenshot(search_shot)
    # A deep link on a fresh load, then a hash change in the same page.
    b.navigate("about:blank")
    b.navigate(url + "#q=" + urllib.parse.quote(subject))
    out["deepLink"] = {"input": b.js("document.getElementById('q').value"), "results": b.js(RESULTS)}
    # Space selects a result too.
    b.js("document.querySelector('#results button').focus(); 1")
    b.key(" ", code="Space", vk=32, text=" ")
    out["spaceSelects"] = {"focus": b.js(ACTIVE), "listed": b.js(LISTED)}
    b.js("location.hash = '#q=' + encodeURIComponent(%s) + '&sel=' + encodeURIComponent('subject:' + %s)" % (json.dumps(subject), json.dumps(subject)))
    time.sleep(0.1)
    b.js("new Promise(r => setTimeout(r, 50))")
    out["hashChange"] = {"input": b.js("document.getElementById('q').value"), "listed": b.js(LISTED)}
    b.js("location.hash = '#q=zzzz-no-such-thing'")
    b.js("new Promise(r => setTimeout(r, 50))")
    out["hashChangeNoMatch"] = {"results": b.js(RESULTS), "status": b.js("document.getElementById('result-status').textContent")}
    # The findings filter.
    out["findingsAll"] = b.js("document.querySelectorAll('#findings tbody tr').length")
    out["findingsFilterWorks"] = b.js("""(() => { const s = document.getElementById('f-rule'); if (s.options.length < 2) return false;
        const rule = s.options[1].value; s.value = rule; s.dispatchEvent(new Event('change'));
        const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
        const ok = rows.length > 0 && rows.every(r => r.children[1].textContent === rule);
        s.value = ''; s.dispatchEvent(new Event('change')); return ok; })()""")
    # Names from flow files must stay text: nothing they hold may run or become markup.
    out["injected"] = b.js("typeof window.pwned !== 'undefined' || document.querySelectorAll('img, iframe, object, embed').length > 0")
    out["requests"] = b.requests(url)
    # The log is live: it saw the page's own (file:) request.
    out["sawPageRequest"] = any(e["method"] == "Network.requestWillBeSent" and e["params"]["request"]["url"].split("#")[0] == url
                                for e in b.events)
    out["consoleErrors"] = b.console_errors()
    return out


def bench(b, url, terms):
    b.navigate(url)
    out = {"items": b.js("window.dpflowMap.items.length"), "search": {}}
    for term in terms:
        times = b.js("""(() => { const q = document.getElementById('q'), t = [];
            for (let i = 0; i < 20; i++) { q.value = ''; q.dispatchEvent(new Event('input'));
              const s = performance.now(); q.value = %s; q.dispatchEvent(new Event('input'));
              document.getElementById('results').getBoundingClientRect(); t.push(performance.now() - s); }
            t.sort((a, b) => a - b); return {best: t[0], median: t[10], results: document.querySelectorAll('#results button').length}; })()""" % json.dumps(term))
        select_ms = b.js("""(() => { const b = document.querySelector('#results button'); if (!b) return null;
            const s = performance.now(); b.click(); document.body.getBoundingClientRect(); return performance.now() - s; })()""")
        times["selectFirstMs"] = select_ms
        out["search"][term] = times
    out["consoleErrors"] = b.console_errors()
    out["requests"] = b.requests(url)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("map")
    ap.add_argument("--subject")
    ap.add_argument("--screenshot")
    ap.add_argument("--search-screenshot")
    ap.add_argument("--bench", nargs="+")
    a = ap.parse_args()
    url = "file://" + urllib.parse.quote(os.path.abspath(a.map))
    try:
        b = Browser()
    except (RuntimeError, OSError) as e:
        print("map_browser: %s" % e, file=sys.stderr)
        return 2
    try:
        b.open_page()
        result = bench(b, url, a.bench) if a.bench else check(b, url, a.subject or "", a.screenshot, a.search_screenshot)
    except RuntimeError as e:
        print("map_browser: %s" % e, file=sys.stderr)
        return 2
    finally:
        b.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
