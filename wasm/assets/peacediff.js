// peacediff.js: the loader of the peacediff WebAssembly viewer.
//
// Put it on a page with the stylesheet, next to peacediff.wasm and
// wasm_exec.js (the build helper writes all four into one folder):
//
//   <link rel="stylesheet" href="peacediff.css"><script src="peacediff.js" defer></script>
//   <div data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>
//
// Every element with a data-peacediff attribute is rendered once the page
// has loaded. data-old and data-new take a URL or the #id of an inline
// <script type="text/plain">; data-versions takes a list of them (spaces or
// commas between) and shows the history of several versions; data-mode picks
// the first tab (meaning, side, inline or map).
//
// The script defines one global, peacediff:
//
//   peacediff.ready                  Promise, resolved once the viewer runs
//   peacediff.compare(old, new)      Promise of the comparison (the JSON contract, as an object)
//   peacediff.history([t1, t2, ...]) Promise of {versions: [...], steps: [comparison, ...]}
//   peacediff.render(el, input, options)
//                                    Promise of a view {element, index, destroy()};
//                                    input is {old, new} (texts), {versions} (texts) or
//                                    {result}: the object compare() returns, or its JSON text
//   peacediff.initialized            Promise of the views of the data-peacediff elements
//
// Document text only ever reaches the page as text nodes.
(function () {
  "use strict";
  if (typeof window === "undefined" || window.peacediff) {
    return;
  }
  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  var hook = "__peacediffGo"; // private handshake with the Go side, deleted at once
  var next = 0; // index of the next viewer, used in its anchors

  function asset(name) {
    return new URL(name, base).href;
  }

  function fail(message) {
    return new Error("peacediff: " + message);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(fail("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  function fetchOK(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) {
        throw fail(url + ": HTTP " + r.status + " " + r.statusText);
      }
      return r;
    });
  }

  function instantiate(go) {
    var url = asset("peacediff.wasm");
    var bytes = function () {
      return fetchOK(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
        return WebAssembly.instantiate(b, go.importObject);
      });
    };
    if (!WebAssembly.instantiateStreaming) {
      return bytes();
    }
    // Streaming needs the server to say application/wasm; many static
    // hosts do not, so fall back to reading the bytes.
    return fetchOK(url).then(function (r) {
      return WebAssembly.instantiateStreaming(r, go.importObject);
    }).catch(function (err) {
      if (err && /HTTP/.test(err.message)) {
        throw err;
      }
      return bytes();
    });
  }

  var svgNS = "http://www.w3.org/2000/svg";

  // addItems creates the items of a description, from index from on, and
  // appends them to parent. An item is a string, which becomes a text node,
  // or an element [tag, class, [name, value, ...], item...]; a tag
  // "svg:name" is an SVG element. Text only ever becomes text nodes.
  function addItems(parent, items, from) {
    for (var i = from; i < items.length; i++) {
      var item = items[i];
      if (typeof item === "string") {
        parent.appendChild(document.createTextNode(item));
        continue;
      }
      var tag = item[0];
      var el;
      if (tag.lastIndexOf("svg:", 0) === 0) {
        el = document.createElementNS(svgNS, tag.slice(4));
        if (item[1]) {
          el.setAttribute("class", item[1]);
        }
      } else {
        el = document.createElement(tag);
        if (item[1]) {
          el.className = item[1];
        }
      }
      var attrs = item[2];
      for (var k = 0; k + 1 < attrs.length; k += 2) {
        el.setAttribute(attrs[k], attrs[k + 1]);
      }
      addItems(el, item, 3);
      parent.appendChild(el);
    }
  }

  // build is handed to the Go side, which describes the elements it draws
  // as JSON (a list of items) and makes them all in one call: a call from Go
  // into JavaScript per element would cost far more than the element.
  function build(parent, description) {
    var frag = document.createDocumentFragment();
    addItems(frag, JSON.parse(description), 0);
    parent.appendChild(frag);
  }

  var ready = (typeof Go === "undefined" ? loadScript(asset("wasm_exec.js")) : Promise.resolve())
    .then(function () {
      if (typeof Go === "undefined") {
        throw fail("wasm_exec.js did not define Go");
      }
      var go = new Go();
      return instantiate(go).then(function (res) {
        return new Promise(function (resolve, reject) {
          var box = {build: build};
          box.ready = function () {
            delete window[hook];
            delete box.ready;
            resolve(box);
          };
          window[hook] = box;
          go.run(res.instance).then(function () {
            delete window[hook];
            reject(fail("the WebAssembly program exited"));
          }, function (err) {
            delete window[hook];
            reject(err);
          });
        });
      });
    });

  // call runs a function of the Go side, which answers {value} or {error}.
  function call(name, args) {
    return ready.then(function (box) {
      var r = box[name].apply(null, args);
      if (r && r.error) {
        throw fail(r.error.replace(/^peacediff: /, ""));
      }
      return r ? r.value : undefined;
    });
  }

  function text(v, what) {
    if (typeof v !== "string") {
      throw fail(what + " must be a string");
    }
    return v;
  }

  // parseResult reads a result given as JSON text; the Go side reads the
  // object itself, field by field.
  function parseResult(s) {
    try {
      return JSON.parse(s);
    } catch (err) {
      throw fail("result is not JSON: " + err.message);
    }
  }

  // resultTape serves the Go side's reader of a result (wasm/result.go),
  // for which every string or object it takes out of JavaScript costs a few
  // microseconds: it lists the fields that reader wants, in its order, as
  // one string with a NUL after each; a list is its length, -1 for null,
  // then its elements. It answers null, and leaves the reader to walk the
  // object and say what is wrong, when a value is not of the type the
  // reader wants or a string holds a NUL.
  function resultTape(r) {
    var out = [];
    function need(ok) {
      if (!ok) {
        throw null;
      }
    }
    function obj(v) {
      need(typeof v === "object" && v !== null && !Array.isArray(v));
      return v;
    }
    // put adds v, which must be of type t or null or undefined (as v0).
    function put(v, t, v0) {
      v = v == null ? v0 : v;
      need(typeof v === t && (t !== "string" || v.indexOf("\0") < 0));
      out.push(t === "boolean" ? (v ? "1" : "") : String(v)); // String(-0) is "0", as syscall/js reads -0
    }
    function list(v, each) {
      if (v == null) {
        return out.push(-1);
      }
      need(Array.isArray(v));
      out.push(v.length);
      for (var i = 0; i < v.length; i++) {
        each(v[i]);
      }
    }
    function str(s) {
      put(s, "string"); // null is no element of a list of strings
    }
    function plan(p) {
      obj(p);
      put(p.id, "string", "");
      put(p.title, "string", "");
      put(p.date, "string", "");
      put(p.clauses, "number", 0);
    }
    try {
      need(obj(r).matches !== undefined);
      plan(r.old);
      plan(r["new"]);
      list(r.matches, function (m) {
        obj(m);
        put(m.kind, "string", "");
        list(m.old, str);
        list(m["new"], str);
        put(m.similarity, "number", 0);
        put(m.moved, "boolean", false);
        put(m.renumbered, "boolean", false);
        list(m.topics, str);
        list(m.edits, function (e) {
          put(obj(e).op, "string", "");
          put(e.text, "string", "");
        });
        list(m.changes, function (c) {
          put(obj(c).kind, "string", "");
          put(c.before, "string", "");
          put(c.after, "string", "");
        });
      });
      var s = obj(r.summary);
      ["unchanged", "reworded", "amended", "split", "merged", "added", "removed", "moved"].forEach(function (k) {
        put(s[k], "number", 0);
      });
      list(r.topics, function (p) {
        put(obj(p).id, "string", "");
        put(p.label, "string", "");
      });
      return out.join("\0") + "\0";
    } catch (err) {
      return null;
    }
  }

  // showError puts a readable message inside el, replacing what it held.
  function showError(el, err) {
    var root = document.createElement("div");
    root.className = "pd-root";
    var box = document.createElement("div");
    box.className = "pd-error";
    box.setAttribute("role", "alert");
    box.textContent = err && err.message ? err.message : String(err);
    root.appendChild(box);
    el.replaceChildren(root);
    el.setAttribute("data-peacediff-state", "error");
  }

  function showLoading(el) {
    var root = document.createElement("div");
    root.className = "pd-root";
    var p = document.createElement("p");
    p.className = "pd-loading";
    p.setAttribute("role", "status");
    p.textContent = "Loading the comparison…";
    root.appendChild(p);
    el.replaceChildren(root);
    el.setAttribute("data-peacediff-state", "loading");
  }

  function element(el) {
    if (typeof el === "string") {
      var found = document.querySelector(el);
      if (!found) {
        throw fail("no element matches " + el);
      }
      return found;
    }
    if (!el || el.nodeType !== 1) {
      throw fail("render needs an element");
    }
    return el;
  }

  function render(el, input, options) {
    var index = next++;
    try {
      el = element(el);
    } catch (err) {
      return Promise.reject(err);
    }
    options = Object.assign({}, options || {});
    if (typeof options.index !== "number") {
      options.index = index;
    }
    if (el.__peacediffView) {
      el.__peacediffView.destroy();
    }
    showLoading(el);
    var args;
    try {
      input = input || {};
      if (input.result !== undefined) {
        args = {result: typeof input.result === "string" ? parseResult(input.result) : input.result};
      } else if (input.versions !== undefined) {
        if (!Array.isArray(input.versions) || input.versions.length < 2) {
          throw fail("versions must list at least two texts");
        }
        args = {versions: input.versions.map(function (v, i) { return text(v, "version " + (i + 1)); })};
      } else {
        args = {old: text(input.old, "old"), new: text(input["new"], "new")};
      }
    } catch (err) {
      showError(el, err);
      return Promise.reject(err);
    }
    return call("render", [el, args, options]).then(function (id) {
      var view = {
        element: el,
        index: options.index,
        destroy: function () {
          if (view.destroyed) {
            return;
          }
          view.destroyed = true;
          ready.then(function (box) { box.destroy(id); });
          if (el.__peacediffView === view) {
            delete el.__peacediffView;
          }
          el.removeAttribute("data-peacediff-state");
        }
      };
      el.__peacediffView = view;
      el.setAttribute("data-peacediff-state", "ready");
      return view;
    }, function (err) {
      showError(el, err);
      throw err;
    });
  }

  // dedent strips the blank first lines and the common indentation of an
  // inline script, so that plan text can be indented like the HTML around it.
  function dedent(s) {
    var lines = s.replace(/\r\n?/g, "\n").split("\n");
    while (lines.length && lines[0].trim() === "") {
      lines.shift();
    }
    var indent = null;
    lines.forEach(function (l) {
      if (l.trim() === "") {
        return;
      }
      var n = l.match(/^[ \t]*/)[0].length;
      indent = indent === null ? n : Math.min(indent, n);
    });
    return lines.map(function (l) { return l.slice(indent || 0); }).join("\n");
  }

  // source reads one data-old/data-new/data-versions entry: #id of an
  // inline script, or a URL relative to the page.
  function source(ref) {
    if (ref.charAt(0) === "#") {
      var node = document.getElementById(ref.slice(1));
      if (!node) {
        return Promise.reject(fail("no element with id " + ref));
      }
      return Promise.resolve(dedent(node.textContent));
    }
    var url = new URL(ref, document.baseURI).href;
    return fetchOK(url).then(function (r) { return r.text(); }, function (err) {
      throw /^peacediff:/.test(err.message) ? err : fail("cannot fetch " + ref + ": " + err.message);
    });
  }

  function initElement(el) {
    if (el.__peacediffView || el.getAttribute("data-peacediff-state")) {
      return Promise.resolve(el.__peacediffView);
    }
    var index = next++;
    var options = {index: index};
    var mode = el.getAttribute("data-mode");
    if (mode) {
      options.mode = mode;
    }
    var versions = el.getAttribute("data-versions");
    var input;
    showLoading(el);
    if (versions) {
      var refs = versions.split(/[\s,]+/).filter(function (v) { return v !== ""; });
      input = Promise.all(refs.map(source)).then(function (texts) { return {versions: texts}; });
    } else {
      var oldRef = el.getAttribute("data-old");
      var newRef = el.getAttribute("data-new");
      if (!oldRef || !newRef) {
        var err = fail("data-peacediff needs data-old and data-new, or data-versions");
        showError(el, err);
        return Promise.reject(err);
      }
      input = Promise.all([source(oldRef), source(newRef)]).then(function (t) { return {old: t[0], "new": t[1]}; });
    }
    return input.then(function (inp) {
      return render(el, inp, options);
    }, function (err) {
      showError(el, err);
      throw err;
    });
  }

  var initialized = new Promise(function (resolve) {
    function init() {
      var els = Array.prototype.slice.call(document.querySelectorAll("[data-peacediff]"));
      Promise.all(els.map(function (el) {
        return initElement(el).catch(function (err) {
          if (window.console) {
            console.error(err);
          }
          return null;
        });
      })).then(resolve);
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init, {once: true});
    } else {
      init();
    }
  });

  // A failure to start shows in every element waiting for the viewer.
  ready.catch(function (err) {
    if (window.console) {
      console.error(err);
    }
  });

  window.peacediff = {
    ready: ready.then(function () { return window.peacediff; }),
    initialized: initialized,
    compare: function (oldText, newText) {
      try {
        return call("compare", [text(oldText, "old"), text(newText, "new")]);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    history: function (texts) {
      if (!Array.isArray(texts) || texts.length < 2) {
        return Promise.reject(fail("history needs an array of at least two texts"));
      }
      try {
        return call("history", [texts.map(function (v, i) { return text(v, "version " + (i + 1)); })]);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    render: render
  };
  // Not part of the API: for the Go side only, so not enumerable.
  Object.defineProperty(window.peacediff, "resultTape", {value: resultTape});
})();
