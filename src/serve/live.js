// careersite serve: live reload. Injected only while previewing, never into `careersite build`.
(function () {
  "use strict";
  var key = "careersite-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }

  var overlay = null;
  function showProblem(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "careersite-problem";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#1b1b1b;border-top:6px solid #b00020;" +
        "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)";
      var heading = document.createElement("p");
      heading.style.cssText = "margin:0 0 .5rem;font-weight:700";
      heading.textContent = "careersite could not build your latest change. This page shows your last working version.";
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace";
      overlay.appendChild(heading);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function reloadStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("?")[0];
      links[i].setAttribute("href", href + "?v=" + Date.now());
    }
  }

  // The build this page comes from: should a newer one have been served before this page
  // connected, the server says so at once.
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : null;
  var address = "/__careersite/events" + (version ? "?since=" + version : "");
  // The server closes a stream now and then, and the browser opens a new one by itself,
  // giving the build number again; so does a restarted server, which numbers its builds anew.
  var events = null;

  function connect() {
    events = new EventSource(address);
    events.addEventListener("reload", reload);
    events.addEventListener("styles", function () {
      if (overlay) { overlay.remove(); overlay = null; }
      reloadStyles();
    });
    events.addEventListener("problem", function (e) { showProblem(e.data); });
  }

  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }

  // A tab out of sight lets go of its connection, so that many open tabs cannot tie up the
  // preview server; coming back, it reconnects, and reloads if it missed a build meanwhile.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      events.close();
    } else {
      connect();
    }
  });
  connect();
})();
