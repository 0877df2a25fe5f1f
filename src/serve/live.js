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

  // A stylesheet's address changes with it (under a folder named by a hash of the theme's
  // files), so each link is pointed at the address the page has now; one whose address stays
  // the same (a school's template may link to style.css itself) is fetched afresh.
  function reloadStyles() {
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var links = document.querySelectorAll('link[rel="stylesheet"]');
        var built = next.querySelectorAll('link[rel="stylesheet"]');
        if (links.length !== built.length) { reload(); return; }
        for (var i = 0; i < links.length; i++) {
          var href = built[i].getAttribute("href");
          if (href === links[i].getAttribute("href").split("?")[0]) {
            href += "?v=" + Date.now();
          }
          links[i].setAttribute("href", href);
        }
      })
      .catch(reload);
  }

  // The build this page comes from: should a newer one have been served before this page
  // connected, the server says so at once.
  var script = document.currentScript;
  var address = eventsSince(script);
  function eventsSince(tag) {
    var version = tag ? tag.getAttribute("data-version") : null;
    // The page's own address too, so that news for one page (the checklist) goes to it alone.
    return "/__careersite/events?page=" + encodeURIComponent(location.pathname) +
      (version ? "&since=" + version : "");
  }
  // The server closes a stream now and then, and the browser opens a new one by itself,
  // giving the build number again; so does a restarted server, which numbers its builds anew.
  var events = null;

  function connect() {
    events = new EventSource(address);
    events.addEventListener("reload", update);
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

  // Fetches the page again and puts its new body in place of the old: no new page for the
  // browser to set up, no stylesheet to fetch again, and the reader stays where they were.
  // Anything the body alone cannot carry (another stylesheet, a script of the school's, a
  // page that is gone) gets a whole reload instead.
  var updates = 0;
  function update() {
    // Saves in quick succession each fetch the page; only the last fetch may change it.
    var ticket = ++updates;
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        if (ticket !== updates) { return; }
        var next = new DOMParser().parseFromString(html, "text/html");
        if (look(next) !== look(document) || hasScripts(next.body)) {
          reload();
          return;
        }
        document.title = next.title;
        overlay = null;
        var tag = next.querySelector('script[src="/__careersite/live.js"]');
        if (tag) {
          tag.remove();
          address = eventsSince(tag);
        }
        // Keyboard focus stays where it was, when the element is still there.
        var focused = document.activeElement ? document.activeElement.id : "";
        document.body.replaceWith(document.adoptNode(next.body));
        var again = focused && document.getElementById(focused);
        if (again) { again.focus({ preventScroll: true }); }
      })
      .catch(reload);
  }

  // What in the head decides how the page looks: all of it but the title and the meta tags,
  // with the cache-busting query a stylesheet swap adds left out.
  function look(doc) {
    var parts = [];
    var children = doc.head.children;
    for (var i = 0; i < children.length; i++) {
      var element = children[i];
      if (element.tagName === "TITLE" || element.tagName === "META") { continue; }
      parts.push(element.outerHTML.replace(/\?v=\d+/, ""));
    }
    return parts.join("\n");
  }

  function hasScripts(body) {
    var scripts = body.querySelectorAll("script");
    for (var i = 0; i < scripts.length; i++) {
      if (scripts[i].getAttribute("src") !== "/__careersite/live.js") { return true; }
    }
    return false;
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
