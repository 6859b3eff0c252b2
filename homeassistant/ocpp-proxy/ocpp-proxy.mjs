#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target2) => (target2 = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target2, "default", { value: mod, enumerable: true }) : target2,
  mod
));

// node_modules/ini/lib/ini.js
var require_ini = __commonJS({
  "node_modules/ini/lib/ini.js"(exports, module) {
    var { hasOwnProperty } = Object.prototype;
    var encode = (obj, opt = {}) => {
      if (typeof opt === "string") {
        opt = { section: opt };
      }
      opt.align = opt.align === true;
      opt.newline = opt.newline === true;
      opt.sort = opt.sort === true;
      opt.whitespace = opt.whitespace === true || opt.align === true;
      opt.platform = opt.platform || typeof process !== "undefined" && process.platform;
      opt.bracketedArray = opt.bracketedArray !== false;
      const eol = opt.platform === "win32" ? "\r\n" : "\n";
      const separator = opt.whitespace ? " = " : "=";
      const children = [];
      const keys = opt.sort ? Object.keys(obj).sort() : Object.keys(obj);
      let padToChars = 0;
      if (opt.align) {
        padToChars = safe(
          keys.filter((k) => obj[k] === null || Array.isArray(obj[k]) || typeof obj[k] !== "object").map((k) => Array.isArray(obj[k]) ? `${k}[]` : k).concat([""]).reduce((a, b) => safe(a).length >= safe(b).length ? a : b)
        ).length;
      }
      let out = "";
      const arraySuffix = opt.bracketedArray ? "[]" : "";
      for (const k of keys) {
        const val = obj[k];
        if (val && Array.isArray(val)) {
          for (const item of val) {
            out += safe(`${k}${arraySuffix}`).padEnd(padToChars, " ") + separator + safe(item) + eol;
          }
        } else if (val && typeof val === "object") {
          children.push(k);
        } else {
          out += safe(k).padEnd(padToChars, " ") + separator + safe(val) + eol;
        }
      }
      if (opt.section && out.length) {
        out = "[" + safe(opt.section) + "]" + (opt.newline ? eol + eol : eol) + out;
      }
      for (const k of children) {
        const nk = splitSections(k, ".").join("\\.");
        const section = (opt.section ? opt.section + "." : "") + nk;
        const child = encode(obj[k], {
          ...opt,
          section
        });
        if (out.length && child.length) {
          out += eol;
        }
        out += child;
      }
      return out;
    };
    function splitSections(str2, separator) {
      var lastMatchIndex = 0;
      var lastSeparatorIndex = 0;
      var nextIndex = 0;
      var sections = [];
      do {
        nextIndex = str2.indexOf(separator, lastMatchIndex);
        if (nextIndex !== -1) {
          lastMatchIndex = nextIndex + separator.length;
          if (nextIndex > 0 && str2[nextIndex - 1] === "\\") {
            continue;
          }
          sections.push(str2.slice(lastSeparatorIndex, nextIndex));
          lastSeparatorIndex = nextIndex + separator.length;
        }
      } while (nextIndex !== -1);
      sections.push(str2.slice(lastSeparatorIndex));
      return sections;
    }
    var decode2 = (str2, opt = {}) => {
      opt.bracketedArray = opt.bracketedArray !== false;
      const out = /* @__PURE__ */ Object.create(null);
      let p = out;
      let section = null;
      const re = /^\[([^\]]*)\]\s*$|^([^=]+)(=(.*))?$/i;
      const lines = str2.split(/[\r\n]+/g);
      const duplicates = {};
      for (const line of lines) {
        if (!line || line.match(/^\s*[;#]/) || line.match(/^\s*$/)) {
          continue;
        }
        const match = line.match(re);
        if (!match) {
          continue;
        }
        if (match[1] !== void 0) {
          section = unsafe(match[1]);
          if (section === "__proto__") {
            p = /* @__PURE__ */ Object.create(null);
            continue;
          }
          p = out[section] = out[section] || /* @__PURE__ */ Object.create(null);
          continue;
        }
        const keyRaw = unsafe(match[2]);
        let isArray;
        if (opt.bracketedArray) {
          isArray = keyRaw.length > 2 && keyRaw.slice(-2) === "[]";
        } else {
          duplicates[keyRaw] = (duplicates?.[keyRaw] || 0) + 1;
          isArray = duplicates[keyRaw] > 1;
        }
        const key2 = isArray && keyRaw.endsWith("[]") ? keyRaw.slice(0, -2) : keyRaw;
        if (key2 === "__proto__") {
          continue;
        }
        const valueRaw = match[3] ? unsafe(match[4]) : true;
        const value = valueRaw === "true" || valueRaw === "false" || valueRaw === "null" ? JSON.parse(valueRaw) : valueRaw;
        if (isArray) {
          if (!hasOwnProperty.call(p, key2)) {
            p[key2] = [];
          } else if (!Array.isArray(p[key2])) {
            p[key2] = [p[key2]];
          }
        }
        if (Array.isArray(p[key2])) {
          p[key2].push(value);
        } else {
          p[key2] = value;
        }
      }
      const remove = [];
      for (const k of Object.keys(out)) {
        if (!hasOwnProperty.call(out, k) || typeof out[k] !== "object" || Array.isArray(out[k])) {
          continue;
        }
        const parts = splitSections(k, ".");
        p = out;
        const l = parts.pop();
        const nl = l.replace(/\\\./g, ".");
        for (const part of parts) {
          if (part === "__proto__") {
            continue;
          }
          if (!hasOwnProperty.call(p, part) || typeof p[part] !== "object") {
            p[part] = /* @__PURE__ */ Object.create(null);
          }
          p = p[part];
        }
        if (p === out && nl === l) {
          continue;
        }
        p[nl] = out[k];
        remove.push(k);
      }
      for (const del of remove) {
        delete out[del];
      }
      return out;
    };
    var isQuoted = (val) => {
      return val.startsWith('"') && val.endsWith('"') || val.startsWith("'") && val.endsWith("'");
    };
    var safe = (val) => {
      if (typeof val !== "string" || val.match(/[=\r\n]/) || val.match(/^\[/) || val.length > 1 && isQuoted(val) || val !== val.trim()) {
        return JSON.stringify(val);
      }
      return val.split(";").join("\\;").split("#").join("\\#");
    };
    var unsafe = (val) => {
      val = (val || "").trim();
      if (isQuoted(val)) {
        if (val.charAt(0) === "'") {
          val = val.slice(1, -1);
        }
        try {
          val = JSON.parse(val);
        } catch {
        }
      } else {
        let esc2 = false;
        let unesc = "";
        for (let i = 0, l = val.length; i < l; i++) {
          const c = val.charAt(i);
          if (esc2) {
            if ("\\;#".indexOf(c) !== -1) {
              unesc += c;
            } else {
              unesc += "\\" + c;
            }
            esc2 = false;
          } else if (";#".indexOf(c) !== -1) {
            break;
          } else if (c === "\\") {
            esc2 = true;
          } else {
            unesc += c;
          }
        }
        if (esc2) {
          unesc += "\\";
        }
        return unesc.trim();
      }
      return val;
    };
    module.exports = {
      parse: decode2,
      decode: decode2,
      stringify: encode,
      encode,
      safe,
      unsafe
    };
  }
});

// node_modules/ws/lib/constants.js
var require_constants = __commonJS({
  "node_modules/ws/lib/constants.js"(exports, module) {
    "use strict";
    var BINARY_TYPES = ["nodebuffer", "arraybuffer", "fragments"];
    var hasBlob = typeof Blob !== "undefined";
    if (hasBlob) BINARY_TYPES.push("blob");
    module.exports = {
      BINARY_TYPES,
      CLOSE_TIMEOUT: 3e4,
      EMPTY_BUFFER: Buffer.alloc(0),
      GUID: "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
      hasBlob,
      kForOnEventAttribute: /* @__PURE__ */ Symbol("kIsForOnEventAttribute"),
      kListener: /* @__PURE__ */ Symbol("kListener"),
      kStatusCode: /* @__PURE__ */ Symbol("status-code"),
      kWebSocket: /* @__PURE__ */ Symbol("websocket"),
      NOOP: () => {
      }
    };
  }
});

// node_modules/ws/lib/buffer-util.js
var require_buffer_util = __commonJS({
  "node_modules/ws/lib/buffer-util.js"(exports, module) {
    "use strict";
    var { websocketMask, websocketUnmask } = __require("http");
    var { EMPTY_BUFFER } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    function concat(list, totalLength) {
      if (list.length === 0) return EMPTY_BUFFER;
      if (list.length === 1) return list[0];
      const target2 = Buffer.allocUnsafe(totalLength);
      let offset = 0;
      for (let i = 0; i < list.length; i++) {
        const buf = list[i];
        target2.set(buf, offset);
        offset += buf.length;
      }
      if (offset < totalLength) {
        return new FastBuffer(target2.buffer, target2.byteOffset, offset);
      }
      return target2;
    }
    function _mask(source, mask, output, offset, length) {
      for (let i = 0; i < length; i++) {
        output[offset + i] = source[i] ^ mask[i & 3];
      }
    }
    function _unmask(buffer, mask) {
      for (let i = 0; i < buffer.length; i++) {
        buffer[i] ^= mask[i & 3];
      }
    }
    function toArrayBuffer(buf) {
      if (buf.length === buf.buffer.byteLength) {
        return buf.buffer;
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
    }
    function toBuffer(data) {
      toBuffer.readOnly = true;
      if (Buffer.isBuffer(data)) return data;
      let buf;
      if (data instanceof ArrayBuffer) {
        buf = new FastBuffer(data);
      } else if (ArrayBuffer.isView(data)) {
        buf = new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
      } else {
        buf = Buffer.from(data);
        toBuffer.readOnly = false;
      }
      return buf;
    }
    module.exports = {
      concat,
      mask: _mask,
      toArrayBuffer,
      toBuffer,
      unmask: _unmask
    };
    if (websocketMask) {
      module.exports.mask = function(source, mask, output, offset, length) {
        if (length < 24) _mask(source, mask, output, offset, length);
        else websocketMask(source, mask, output, offset, length);
      };
      module.exports.unmask = function(buffer, mask) {
        if (buffer.length < 24) _unmask(buffer, mask);
        else websocketUnmask(buffer, mask);
      };
    } else if (!process.env.WS_NO_BUFFER_UTIL) {
      try {
        const bufferUtil = __require("bufferutil");
        module.exports.mask = function(source, mask, output, offset, length) {
          if (length < 48) _mask(source, mask, output, offset, length);
          else bufferUtil.mask(source, mask, output, offset, length);
        };
        module.exports.unmask = function(buffer, mask) {
          if (buffer.length < 32) _unmask(buffer, mask);
          else bufferUtil.unmask(buffer, mask);
        };
      } catch (e) {
      }
    }
  }
});

// node_modules/ws/lib/limiter.js
var require_limiter = __commonJS({
  "node_modules/ws/lib/limiter.js"(exports, module) {
    "use strict";
    var kDone = /* @__PURE__ */ Symbol("kDone");
    var kRun = /* @__PURE__ */ Symbol("kRun");
    var Limiter = class {
      /**
       * Creates a new `Limiter`.
       *
       * @param {Number} [concurrency=Infinity] The maximum number of jobs allowed
       *     to run concurrently
       */
      constructor(concurrency) {
        this[kDone] = () => {
          this.pending--;
          this[kRun]();
        };
        this.concurrency = concurrency || Infinity;
        this.jobs = [];
        this.pending = 0;
      }
      /**
       * Adds a job to the queue.
       *
       * @param {Function} job The job to run
       * @public
       */
      add(job) {
        this.jobs.push(job);
        this[kRun]();
      }
      /**
       * Removes a job from the queue and runs it if possible.
       *
       * @private
       */
      [kRun]() {
        if (this.pending === this.concurrency) return;
        if (this.jobs.length) {
          const job = this.jobs.shift();
          this.pending++;
          job(this[kDone]);
        }
      }
    };
    module.exports = Limiter;
  }
});

// node_modules/ws/lib/permessage-deflate.js
var require_permessage_deflate = __commonJS({
  "node_modules/ws/lib/permessage-deflate.js"(exports, module) {
    "use strict";
    var zlib = __require("zlib");
    var bufferUtil = require_buffer_util();
    var Limiter = require_limiter();
    var { kStatusCode } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    var TRAILER = Buffer.from([0, 0, 255, 255]);
    var kPerMessageDeflate = /* @__PURE__ */ Symbol("permessage-deflate");
    var kTotalLength = /* @__PURE__ */ Symbol("total-length");
    var kCallback = /* @__PURE__ */ Symbol("callback");
    var kBuffers = /* @__PURE__ */ Symbol("buffers");
    var kError = /* @__PURE__ */ Symbol("error");
    var zlibLimiter;
    var PerMessageDeflate2 = class {
      /**
       * Creates a PerMessageDeflate instance.
       *
       * @param {Object} [options] Configuration options
       * @param {(Boolean|Number)} [options.clientMaxWindowBits] Advertise support
       *     for, or request, a custom client window size
       * @param {Boolean} [options.clientNoContextTakeover=false] Advertise/
       *     acknowledge disabling of client context takeover
       * @param {Number} [options.concurrencyLimit=10] The number of concurrent
       *     calls to zlib
       * @param {Boolean} [options.isServer=false] Create the instance in either
       *     server or client mode
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {(Boolean|Number)} [options.serverMaxWindowBits] Request/confirm the
       *     use of a custom server window size
       * @param {Boolean} [options.serverNoContextTakeover=false] Request/accept
       *     disabling of server context takeover
       * @param {Number} [options.threshold=1024] Size (in bytes) below which
       *     messages should not be compressed if context takeover is disabled
       * @param {Object} [options.zlibDeflateOptions] Options to pass to zlib on
       *     deflate
       * @param {Object} [options.zlibInflateOptions] Options to pass to zlib on
       *     inflate
       */
      constructor(options) {
        this._options = options || {};
        this._threshold = this._options.threshold !== void 0 ? this._options.threshold : 1024;
        this._maxPayload = this._options.maxPayload | 0;
        this._isServer = !!this._options.isServer;
        this._deflate = null;
        this._inflate = null;
        this.params = null;
        if (!zlibLimiter) {
          const concurrency = this._options.concurrencyLimit !== void 0 ? this._options.concurrencyLimit : 10;
          zlibLimiter = new Limiter(concurrency);
        }
      }
      /**
       * @type {String}
       */
      static get extensionName() {
        return "permessage-deflate";
      }
      /**
       * Create an extension negotiation offer.
       *
       * @return {Object} Extension parameters
       * @public
       */
      offer() {
        const params = {};
        if (this._options.serverNoContextTakeover) {
          params.server_no_context_takeover = true;
        }
        if (this._options.clientNoContextTakeover) {
          params.client_no_context_takeover = true;
        }
        if (this._options.serverMaxWindowBits) {
          params.server_max_window_bits = this._options.serverMaxWindowBits;
        }
        if (this._options.clientMaxWindowBits) {
          params.client_max_window_bits = this._options.clientMaxWindowBits;
        } else if (this._options.clientMaxWindowBits == null) {
          params.client_max_window_bits = true;
        }
        return params;
      }
      /**
       * Accept an extension negotiation offer/response.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Object} Accepted configuration
       * @public
       */
      accept(configurations) {
        configurations = this.normalizeParams(configurations);
        this.params = this._isServer ? this.acceptAsServer(configurations) : this.acceptAsClient(configurations);
        return this.params;
      }
      /**
       * Releases all resources used by the extension.
       *
       * @public
       */
      cleanup() {
        if (this._inflate) {
          this._inflate.close();
          this._inflate = null;
        }
        if (this._deflate) {
          const callback = this._deflate[kCallback];
          this._deflate.close();
          this._deflate = null;
          if (callback) {
            callback(
              new Error(
                "The deflate stream was closed while data was being processed"
              )
            );
          }
        }
      }
      /**
       *  Accept an extension negotiation offer.
       *
       * @param {Array} offers The extension negotiation offers
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsServer(offers) {
        const opts = this._options;
        const accepted = offers.find((params) => {
          if (opts.serverNoContextTakeover === false && params.server_no_context_takeover || params.server_max_window_bits && (opts.serverMaxWindowBits === false || typeof opts.serverMaxWindowBits === "number" && opts.serverMaxWindowBits > params.server_max_window_bits) || typeof opts.clientMaxWindowBits === "number" && (typeof params.client_max_window_bits === "number" ? opts.clientMaxWindowBits > params.client_max_window_bits : !params.client_max_window_bits)) {
            return false;
          }
          return true;
        });
        if (!accepted) {
          throw new Error("None of the extension offers can be accepted");
        }
        if (opts.serverNoContextTakeover) {
          accepted.server_no_context_takeover = true;
        }
        if (opts.clientNoContextTakeover) {
          accepted.client_no_context_takeover = true;
        }
        if (typeof opts.serverMaxWindowBits === "number") {
          accepted.server_max_window_bits = opts.serverMaxWindowBits;
        }
        if (typeof opts.clientMaxWindowBits === "number") {
          accepted.client_max_window_bits = opts.clientMaxWindowBits;
        } else if (accepted.client_max_window_bits === true || opts.clientMaxWindowBits === false) {
          delete accepted.client_max_window_bits;
        }
        return accepted;
      }
      /**
       * Accept the extension negotiation response.
       *
       * @param {Array} response The extension negotiation response
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsClient(response) {
        const params = response[0];
        if (this._options.clientNoContextTakeover === false && params.client_no_context_takeover) {
          throw new Error('Unexpected parameter "client_no_context_takeover"');
        }
        if (!params.client_max_window_bits) {
          if (typeof this._options.clientMaxWindowBits === "number") {
            params.client_max_window_bits = this._options.clientMaxWindowBits;
          }
        } else if (this._options.clientMaxWindowBits === false || typeof this._options.clientMaxWindowBits === "number" && params.client_max_window_bits > this._options.clientMaxWindowBits) {
          throw new Error(
            'Unexpected or invalid parameter "client_max_window_bits"'
          );
        }
        return params;
      }
      /**
       * Normalize parameters.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Array} The offers/response with normalized parameters
       * @private
       */
      normalizeParams(configurations) {
        configurations.forEach((params) => {
          Object.keys(params).forEach((key2) => {
            let value = params[key2];
            if (value.length > 1) {
              throw new Error(`Parameter "${key2}" must have only a single value`);
            }
            value = value[0];
            if (key2 === "client_max_window_bits") {
              if (value !== true) {
                const num5 = +value;
                if (!Number.isInteger(num5) || num5 < 8 || num5 > 15) {
                  throw new TypeError(
                    `Invalid value for parameter "${key2}": ${value}`
                  );
                }
                value = num5;
              } else if (!this._isServer) {
                throw new TypeError(
                  `Invalid value for parameter "${key2}": ${value}`
                );
              }
            } else if (key2 === "server_max_window_bits") {
              const num5 = +value;
              if (!Number.isInteger(num5) || num5 < 8 || num5 > 15) {
                throw new TypeError(
                  `Invalid value for parameter "${key2}": ${value}`
                );
              }
              value = num5;
            } else if (key2 === "client_no_context_takeover" || key2 === "server_no_context_takeover") {
              if (value !== true) {
                throw new TypeError(
                  `Invalid value for parameter "${key2}": ${value}`
                );
              }
            } else {
              throw new Error(`Unknown parameter "${key2}"`);
            }
            params[key2] = value;
          });
        });
        return configurations;
      }
      /**
       * Decompress data. Concurrency limited.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      decompress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._decompress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Compress data. Concurrency limited.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      compress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._compress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Decompress data.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _decompress(data, fin, callback) {
        const endpoint = this._isServer ? "client" : "server";
        if (!this._inflate) {
          const key2 = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key2] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key2];
          this._inflate = zlib.createInflateRaw({
            ...this._options.zlibInflateOptions,
            windowBits
          });
          this._inflate[kPerMessageDeflate] = this;
          this._inflate[kTotalLength] = 0;
          this._inflate[kBuffers] = [];
          this._inflate.on("error", inflateOnError);
          this._inflate.on("data", inflateOnData);
        }
        this._inflate[kCallback] = callback;
        this._inflate.write(data);
        if (fin) this._inflate.write(TRAILER);
        this._inflate.flush(() => {
          const err = this._inflate[kError];
          if (err) {
            this._inflate.close();
            this._inflate = null;
            callback(err);
            return;
          }
          const data2 = bufferUtil.concat(
            this._inflate[kBuffers],
            this._inflate[kTotalLength]
          );
          if (this._inflate._readableState.endEmitted) {
            this._inflate.close();
            this._inflate = null;
          } else {
            this._inflate[kTotalLength] = 0;
            this._inflate[kBuffers] = [];
            if (fin && this.params[`${endpoint}_no_context_takeover`]) {
              this._inflate.reset();
            }
          }
          callback(null, data2);
        });
      }
      /**
       * Compress data.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _compress(data, fin, callback) {
        const endpoint = this._isServer ? "server" : "client";
        if (!this._deflate) {
          const key2 = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key2] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key2];
          this._deflate = zlib.createDeflateRaw({
            ...this._options.zlibDeflateOptions,
            windowBits
          });
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          this._deflate.on("data", deflateOnData);
        }
        this._deflate[kCallback] = callback;
        this._deflate.write(data);
        this._deflate.flush(zlib.Z_SYNC_FLUSH, () => {
          if (!this._deflate) {
            return;
          }
          let data2 = bufferUtil.concat(
            this._deflate[kBuffers],
            this._deflate[kTotalLength]
          );
          if (fin) {
            data2 = new FastBuffer(data2.buffer, data2.byteOffset, data2.length - 4);
          }
          this._deflate[kCallback] = null;
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          if (fin && this.params[`${endpoint}_no_context_takeover`]) {
            this._deflate.reset();
          }
          callback(null, data2);
        });
      }
    };
    module.exports = PerMessageDeflate2;
    function deflateOnData(chunk) {
      this[kBuffers].push(chunk);
      this[kTotalLength] += chunk.length;
    }
    function inflateOnData(chunk) {
      this[kTotalLength] += chunk.length;
      if (this[kPerMessageDeflate]._maxPayload < 1 || this[kTotalLength] <= this[kPerMessageDeflate]._maxPayload) {
        this[kBuffers].push(chunk);
        return;
      }
      this[kError] = new RangeError("Max payload size exceeded");
      this[kError].code = "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
      this[kError][kStatusCode] = 1009;
      this.removeListener("data", inflateOnData);
      this.reset();
    }
    function inflateOnError(err) {
      this[kPerMessageDeflate]._inflate = null;
      if (this[kError]) {
        this[kCallback](this[kError]);
        return;
      }
      err[kStatusCode] = 1007;
      this[kCallback](err);
    }
  }
});

// node_modules/ws/lib/validation.js
var require_validation = __commonJS({
  "node_modules/ws/lib/validation.js"(exports, module) {
    "use strict";
    var { isUtf8 } = __require("buffer");
    var { hasBlob } = require_constants();
    var tokenChars = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 0 - 15
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 16 - 31
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      // 32 - 47
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      // 48 - 63
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 64 - 79
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      // 80 - 95
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 96 - 111
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0
      // 112 - 127
    ];
    function isValidStatusCode(code) {
      return code >= 1e3 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006 || code >= 3e3 && code <= 4999;
    }
    function _isValidUTF8(buf) {
      const len = buf.length;
      let i = 0;
      while (i < len) {
        if ((buf[i] & 128) === 0) {
          i++;
        } else if ((buf[i] & 224) === 192) {
          if (i + 1 === len || (buf[i + 1] & 192) !== 128 || (buf[i] & 254) === 192) {
            return false;
          }
          i += 2;
        } else if ((buf[i] & 240) === 224) {
          if (i + 2 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || buf[i] === 224 && (buf[i + 1] & 224) === 128 || // Overlong
          buf[i] === 237 && (buf[i + 1] & 224) === 160) {
            return false;
          }
          i += 3;
        } else if ((buf[i] & 248) === 240) {
          if (i + 3 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || (buf[i + 3] & 192) !== 128 || buf[i] === 240 && (buf[i + 1] & 240) === 128 || // Overlong
          buf[i] === 244 && buf[i + 1] > 143 || buf[i] > 244) {
            return false;
          }
          i += 4;
        } else {
          return false;
        }
      }
      return true;
    }
    function isBlob(value) {
      return hasBlob && typeof value === "object" && typeof value.arrayBuffer === "function" && typeof value.type === "string" && typeof value.stream === "function" && (value[Symbol.toStringTag] === "Blob" || value[Symbol.toStringTag] === "File");
    }
    module.exports = {
      isBlob,
      isValidStatusCode,
      isValidUTF8: _isValidUTF8,
      tokenChars
    };
    if (isUtf8) {
      module.exports.isValidUTF8 = function(buf) {
        return buf.length < 24 ? _isValidUTF8(buf) : isUtf8(buf);
      };
    } else if (!process.env.WS_NO_UTF_8_VALIDATE) {
      try {
        const isValidUTF8 = __require("utf-8-validate");
        module.exports.isValidUTF8 = function(buf) {
          return buf.length < 32 ? _isValidUTF8(buf) : isValidUTF8(buf);
        };
      } catch (e) {
      }
    }
  }
});

// node_modules/ws/lib/receiver.js
var require_receiver = __commonJS({
  "node_modules/ws/lib/receiver.js"(exports, module) {
    "use strict";
    var { Writable } = __require("stream");
    var PerMessageDeflate2 = require_permessage_deflate();
    var {
      BINARY_TYPES,
      EMPTY_BUFFER,
      kStatusCode,
      kWebSocket
    } = require_constants();
    var { concat, toArrayBuffer, unmask } = require_buffer_util();
    var { isValidStatusCode, isValidUTF8 } = require_validation();
    var FastBuffer = Buffer[Symbol.species];
    var GET_INFO = 0;
    var GET_PAYLOAD_LENGTH_16 = 1;
    var GET_PAYLOAD_LENGTH_64 = 2;
    var GET_MASK = 3;
    var GET_DATA = 4;
    var INFLATING = 5;
    var DEFER_EVENT = 6;
    var Receiver2 = class extends Writable {
      /**
       * Creates a Receiver instance.
       *
       * @param {Object} [options] Options object
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {String} [options.binaryType=nodebuffer] The type for binary data
       * @param {Object} [options.extensions] An object containing the negotiated
       *     extensions
       * @param {Boolean} [options.isServer=false] Specifies whether to operate in
       *     client or server mode
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       */
      constructor(options = {}) {
        super();
        this._allowSynchronousEvents = options.allowSynchronousEvents !== void 0 ? options.allowSynchronousEvents : true;
        this._binaryType = options.binaryType || BINARY_TYPES[0];
        this._extensions = options.extensions || {};
        this._isServer = !!options.isServer;
        this._maxBufferedChunks = options.maxBufferedChunks | 0;
        this._maxFragments = options.maxFragments | 0;
        this._maxPayload = options.maxPayload | 0;
        this._skipUTF8Validation = !!options.skipUTF8Validation;
        this[kWebSocket] = void 0;
        this._bufferedBytes = 0;
        this._buffers = [];
        this._compressed = false;
        this._payloadLength = 0;
        this._mask = void 0;
        this._fragmented = 0;
        this._masked = false;
        this._fin = false;
        this._opcode = 0;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._numFragments = 0;
        this._fragments = [];
        this._errored = false;
        this._loop = false;
        this._state = GET_INFO;
      }
      /**
       * Implements `Writable.prototype._write()`.
       *
       * @param {Buffer} chunk The chunk of data to write
       * @param {String} encoding The character encoding of `chunk`
       * @param {Function} cb Callback
       * @private
       */
      _write(chunk, encoding, cb) {
        if (this._opcode === 8 && this._state == GET_INFO) return cb();
        if (this._maxBufferedChunks > 0 && this._buffers.length >= this._maxBufferedChunks) {
          cb(
            this.createError(
              RangeError,
              "Too many buffered chunks",
              false,
              1008,
              "WS_ERR_TOO_MANY_BUFFERED_PARTS"
            )
          );
          return;
        }
        this._bufferedBytes += chunk.length;
        this._buffers.push(chunk);
        this.startLoop(cb);
      }
      /**
       * Consumes `n` bytes from the buffered data.
       *
       * @param {Number} n The number of bytes to consume
       * @return {Buffer} The consumed bytes
       * @private
       */
      consume(n) {
        this._bufferedBytes -= n;
        if (n === this._buffers[0].length) return this._buffers.shift();
        if (n < this._buffers[0].length) {
          const buf = this._buffers[0];
          this._buffers[0] = new FastBuffer(
            buf.buffer,
            buf.byteOffset + n,
            buf.length - n
          );
          return new FastBuffer(buf.buffer, buf.byteOffset, n);
        }
        const dst = Buffer.allocUnsafe(n);
        do {
          const buf = this._buffers[0];
          const offset = dst.length - n;
          if (n >= buf.length) {
            dst.set(this._buffers.shift(), offset);
          } else {
            dst.set(new Uint8Array(buf.buffer, buf.byteOffset, n), offset);
            this._buffers[0] = new FastBuffer(
              buf.buffer,
              buf.byteOffset + n,
              buf.length - n
            );
          }
          n -= buf.length;
        } while (n > 0);
        return dst;
      }
      /**
       * Starts the parsing loop.
       *
       * @param {Function} cb Callback
       * @private
       */
      startLoop(cb) {
        this._loop = true;
        do {
          switch (this._state) {
            case GET_INFO:
              this.getInfo(cb);
              break;
            case GET_PAYLOAD_LENGTH_16:
              this.getPayloadLength16(cb);
              break;
            case GET_PAYLOAD_LENGTH_64:
              this.getPayloadLength64(cb);
              break;
            case GET_MASK:
              this.getMask();
              break;
            case GET_DATA:
              this.getData(cb);
              break;
            case INFLATING:
            case DEFER_EVENT:
              this._loop = false;
              return;
          }
        } while (this._loop);
        if (!this._errored) cb();
      }
      /**
       * Reads the first two bytes of a frame.
       *
       * @param {Function} cb Callback
       * @private
       */
      getInfo(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        const buf = this.consume(2);
        if ((buf[0] & 48) !== 0) {
          const error = this.createError(
            RangeError,
            "RSV2 and RSV3 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_2_3"
          );
          cb(error);
          return;
        }
        const compressed = (buf[0] & 64) === 64;
        if (compressed && !this._extensions[PerMessageDeflate2.extensionName]) {
          const error = this.createError(
            RangeError,
            "RSV1 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_1"
          );
          cb(error);
          return;
        }
        this._fin = (buf[0] & 128) === 128;
        this._opcode = buf[0] & 15;
        this._payloadLength = buf[1] & 127;
        if (this._opcode === 0) {
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (!this._fragmented) {
            const error = this.createError(
              RangeError,
              "invalid opcode 0",
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._opcode = this._fragmented;
        } else if (this._opcode === 1 || this._opcode === 2) {
          if (this._fragmented) {
            const error = this.createError(
              RangeError,
              `invalid opcode ${this._opcode}`,
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._compressed = compressed;
        } else if (this._opcode > 7 && this._opcode < 11) {
          if (!this._fin) {
            const error = this.createError(
              RangeError,
              "FIN must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_FIN"
            );
            cb(error);
            return;
          }
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (this._payloadLength > 125 || this._opcode === 8 && this._payloadLength === 1) {
            const error = this.createError(
              RangeError,
              `invalid payload length ${this._payloadLength}`,
              true,
              1002,
              "WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH"
            );
            cb(error);
            return;
          }
        } else {
          const error = this.createError(
            RangeError,
            `invalid opcode ${this._opcode}`,
            true,
            1002,
            "WS_ERR_INVALID_OPCODE"
          );
          cb(error);
          return;
        }
        if (!this._fin && !this._fragmented) this._fragmented = this._opcode;
        this._masked = (buf[1] & 128) === 128;
        if (this._isServer) {
          if (!this._masked) {
            const error = this.createError(
              RangeError,
              "MASK must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_MASK"
            );
            cb(error);
            return;
          }
        } else if (this._masked) {
          const error = this.createError(
            RangeError,
            "MASK must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_MASK"
          );
          cb(error);
          return;
        }
        if (this._payloadLength === 126) this._state = GET_PAYLOAD_LENGTH_16;
        else if (this._payloadLength === 127) this._state = GET_PAYLOAD_LENGTH_64;
        else this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+16).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength16(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        this._payloadLength = this.consume(2).readUInt16BE(0);
        this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+64).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength64(cb) {
        if (this._bufferedBytes < 8) {
          this._loop = false;
          return;
        }
        const buf = this.consume(8);
        const num5 = buf.readUInt32BE(0);
        if (num5 > Math.pow(2, 53 - 32) - 1) {
          const error = this.createError(
            RangeError,
            "Unsupported WebSocket frame: payload length > 2^53 - 1",
            false,
            1009,
            "WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH"
          );
          cb(error);
          return;
        }
        this._payloadLength = num5 * Math.pow(2, 32) + buf.readUInt32BE(4);
        this.haveLength(cb);
      }
      /**
       * Payload length has been read.
       *
       * @param {Function} cb Callback
       * @private
       */
      haveLength(cb) {
        if (this._payloadLength && this._opcode < 8) {
          this._totalPayloadLength += this._payloadLength;
          if (this._totalPayloadLength > this._maxPayload && this._maxPayload > 0) {
            const error = this.createError(
              RangeError,
              "Max payload size exceeded",
              false,
              1009,
              "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
            );
            cb(error);
            return;
          }
        }
        if (this._masked) this._state = GET_MASK;
        else this._state = GET_DATA;
      }
      /**
       * Reads mask bytes.
       *
       * @private
       */
      getMask() {
        if (this._bufferedBytes < 4) {
          this._loop = false;
          return;
        }
        this._mask = this.consume(4);
        this._state = GET_DATA;
      }
      /**
       * Reads data bytes.
       *
       * @param {Function} cb Callback
       * @private
       */
      getData(cb) {
        let data = EMPTY_BUFFER;
        if (this._payloadLength) {
          if (this._bufferedBytes < this._payloadLength) {
            this._loop = false;
            return;
          }
          data = this.consume(this._payloadLength);
          if (this._masked && (this._mask[0] | this._mask[1] | this._mask[2] | this._mask[3]) !== 0) {
            unmask(data, this._mask);
          }
        }
        this._mask = void 0;
        if (this._opcode > 7) {
          this.controlMessage(data, cb);
          return;
        }
        if (this._maxFragments > 0 && ++this._numFragments > this._maxFragments) {
          const error = this.createError(
            RangeError,
            "Too many message fragments",
            false,
            1008,
            "WS_ERR_TOO_MANY_BUFFERED_PARTS"
          );
          cb(error);
          return;
        }
        if (this._compressed) {
          this._state = INFLATING;
          this.decompress(data, cb);
          return;
        }
        if (data.length) {
          this._messageLength = this._totalPayloadLength;
          this._fragments.push(data);
        }
        this.dataMessage(cb);
      }
      /**
       * Decompresses data.
       *
       * @param {Buffer} data Compressed data
       * @param {Function} cb Callback
       * @private
       */
      decompress(data, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        perMessageDeflate.decompress(data, this._fin, (err, buf) => {
          if (err) return cb(err);
          if (buf.length) {
            this._messageLength += buf.length;
            if (this._messageLength > this._maxPayload && this._maxPayload > 0) {
              const error = this.createError(
                RangeError,
                "Max payload size exceeded",
                false,
                1009,
                "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
              );
              cb(error);
              return;
            }
            this._fragments.push(buf);
          }
          this.dataMessage(cb);
          if (this._state === GET_INFO) this.startLoop(cb);
        });
      }
      /**
       * Handles a data message.
       *
       * @param {Function} cb Callback
       * @private
       */
      dataMessage(cb) {
        if (!this._fin) {
          this._state = GET_INFO;
          return;
        }
        const messageLength = this._messageLength;
        const fragments = this._fragments;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._fragmented = 0;
        this._numFragments = 0;
        this._fragments = [];
        if (this._opcode === 2) {
          let data;
          if (this._binaryType === "nodebuffer") {
            data = concat(fragments, messageLength);
          } else if (this._binaryType === "arraybuffer") {
            data = toArrayBuffer(concat(fragments, messageLength));
          } else if (this._binaryType === "blob") {
            data = new Blob(fragments);
          } else {
            data = fragments;
          }
          if (this._allowSynchronousEvents) {
            this.emit("message", data, true);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", data, true);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        } else {
          const buf = concat(fragments, messageLength);
          if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
            const error = this.createError(
              Error,
              "invalid UTF-8 sequence",
              true,
              1007,
              "WS_ERR_INVALID_UTF8"
            );
            cb(error);
            return;
          }
          if (this._state === INFLATING || this._allowSynchronousEvents) {
            this.emit("message", buf, false);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", buf, false);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        }
      }
      /**
       * Handles a control message.
       *
       * @param {Buffer} data Data to handle
       * @return {(Error|RangeError|undefined)} A possible error
       * @private
       */
      controlMessage(data, cb) {
        if (this._opcode === 8) {
          if (data.length === 0) {
            this._loop = false;
            this.emit("conclude", 1005, EMPTY_BUFFER);
            this.end();
          } else {
            const code = data.readUInt16BE(0);
            if (!isValidStatusCode(code)) {
              const error = this.createError(
                RangeError,
                `invalid status code ${code}`,
                true,
                1002,
                "WS_ERR_INVALID_CLOSE_CODE"
              );
              cb(error);
              return;
            }
            const buf = new FastBuffer(
              data.buffer,
              data.byteOffset + 2,
              data.length - 2
            );
            if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
              const error = this.createError(
                Error,
                "invalid UTF-8 sequence",
                true,
                1007,
                "WS_ERR_INVALID_UTF8"
              );
              cb(error);
              return;
            }
            this._loop = false;
            this.emit("conclude", code, buf);
            this.end();
          }
          this._state = GET_INFO;
          return;
        }
        if (this._allowSynchronousEvents) {
          this.emit(this._opcode === 9 ? "ping" : "pong", data);
          this._state = GET_INFO;
        } else {
          this._state = DEFER_EVENT;
          setImmediate(() => {
            this.emit(this._opcode === 9 ? "ping" : "pong", data);
            this._state = GET_INFO;
            this.startLoop(cb);
          });
        }
      }
      /**
       * Builds an error object.
       *
       * @param {function(new:Error|RangeError)} ErrorCtor The error constructor
       * @param {String} message The error message
       * @param {Boolean} prefix Specifies whether or not to add a default prefix to
       *     `message`
       * @param {Number} statusCode The status code
       * @param {String} errorCode The exposed error code
       * @return {(Error|RangeError)} The error
       * @private
       */
      createError(ErrorCtor, message, prefix, statusCode, errorCode) {
        this._loop = false;
        this._errored = true;
        const err = new ErrorCtor(
          prefix ? `Invalid WebSocket frame: ${message}` : message
        );
        Error.captureStackTrace(err, this.createError);
        err.code = errorCode;
        err[kStatusCode] = statusCode;
        return err;
      }
    };
    module.exports = Receiver2;
  }
});

// node_modules/ws/lib/sender.js
var require_sender = __commonJS({
  "node_modules/ws/lib/sender.js"(exports, module) {
    "use strict";
    var { Duplex } = __require("stream");
    var { randomFillSync } = __require("crypto");
    var {
      types: { isUint8Array }
    } = __require("util");
    var PerMessageDeflate2 = require_permessage_deflate();
    var { EMPTY_BUFFER, kWebSocket, NOOP } = require_constants();
    var { isBlob, isValidStatusCode } = require_validation();
    var { mask: applyMask, toBuffer } = require_buffer_util();
    var kByteLength = /* @__PURE__ */ Symbol("kByteLength");
    var maskBuffer = Buffer.alloc(4);
    var RANDOM_POOL_SIZE = 8 * 1024;
    var randomPool;
    var randomPoolPointer = RANDOM_POOL_SIZE;
    var DEFAULT = 0;
    var DEFLATING = 1;
    var GET_BLOB_DATA = 2;
    var Sender2 = class _Sender {
      /**
       * Creates a Sender instance.
       *
       * @param {Duplex} socket The connection socket
       * @param {Object} [extensions] An object containing the negotiated extensions
       * @param {Function} [generateMask] The function used to generate the masking
       *     key
       */
      constructor(socket, extensions, generateMask) {
        this._extensions = extensions || {};
        if (generateMask) {
          this._generateMask = generateMask;
          this._maskBuffer = Buffer.alloc(4);
        }
        this._socket = socket;
        this._firstFragment = true;
        this._compress = false;
        this._bufferedBytes = 0;
        this._queue = [];
        this._state = DEFAULT;
        this.onerror = NOOP;
        this[kWebSocket] = void 0;
      }
      /**
       * Frames a piece of data according to the HyBi WebSocket protocol.
       *
       * @param {(Buffer|String)} data The data to frame
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @return {(Buffer|String)[]} The framed data
       * @public
       */
      static frame(data, options) {
        let mask;
        let merge = false;
        let offset = 2;
        let skipMasking = false;
        if (options.mask) {
          mask = options.maskBuffer || maskBuffer;
          if (options.generateMask) {
            options.generateMask(mask);
          } else {
            if (randomPoolPointer === RANDOM_POOL_SIZE) {
              if (randomPool === void 0) {
                randomPool = Buffer.alloc(RANDOM_POOL_SIZE);
              }
              randomFillSync(randomPool, 0, RANDOM_POOL_SIZE);
              randomPoolPointer = 0;
            }
            mask[0] = randomPool[randomPoolPointer++];
            mask[1] = randomPool[randomPoolPointer++];
            mask[2] = randomPool[randomPoolPointer++];
            mask[3] = randomPool[randomPoolPointer++];
          }
          skipMasking = (mask[0] | mask[1] | mask[2] | mask[3]) === 0;
          offset = 6;
        }
        let dataLength;
        if (typeof data === "string") {
          if ((!options.mask || skipMasking) && options[kByteLength] !== void 0) {
            dataLength = options[kByteLength];
          } else {
            data = Buffer.from(data);
            dataLength = data.length;
          }
        } else {
          dataLength = data.length;
          merge = options.mask && options.readOnly && !skipMasking;
        }
        let payloadLength = dataLength;
        if (dataLength >= 65536) {
          offset += 8;
          payloadLength = 127;
        } else if (dataLength > 125) {
          offset += 2;
          payloadLength = 126;
        }
        const target2 = Buffer.allocUnsafe(merge ? dataLength + offset : offset);
        target2[0] = options.fin ? options.opcode | 128 : options.opcode;
        if (options.rsv1) target2[0] |= 64;
        target2[1] = payloadLength;
        if (payloadLength === 126) {
          target2.writeUInt16BE(dataLength, 2);
        } else if (payloadLength === 127) {
          target2[2] = target2[3] = 0;
          target2.writeUIntBE(dataLength, 4, 6);
        }
        if (!options.mask) {
          return dataLength ? [target2, data] : [target2];
        }
        target2[1] |= 128;
        target2[offset - 4] = mask[0];
        target2[offset - 3] = mask[1];
        target2[offset - 2] = mask[2];
        target2[offset - 1] = mask[3];
        if (!dataLength) return [target2];
        if (skipMasking) return [target2, data];
        if (merge) {
          applyMask(data, mask, target2, offset, dataLength);
          return [target2];
        }
        applyMask(data, mask, data, 0, dataLength);
        return [target2, data];
      }
      /**
       * Sends a close message to the other peer.
       *
       * @param {Number} [code] The status code component of the body
       * @param {(String|Buffer)} [data] The message component of the body
       * @param {Boolean} [mask=false] Specifies whether or not to mask the message
       * @param {Function} [cb] Callback
       * @public
       */
      close(code, data, mask, cb) {
        let buf;
        if (code === void 0) {
          buf = EMPTY_BUFFER;
        } else if (typeof code !== "number" || !isValidStatusCode(code)) {
          throw new TypeError("First argument must be a valid error code number");
        } else if (data === void 0 || !data.length) {
          buf = Buffer.allocUnsafe(2);
          buf.writeUInt16BE(code, 0);
        } else {
          const length = Buffer.byteLength(data);
          if (length > 123) {
            throw new RangeError("The message must not be greater than 123 bytes");
          }
          buf = Buffer.allocUnsafe(2 + length);
          buf.writeUInt16BE(code, 0);
          if (typeof data === "string") {
            buf.write(data, 2);
          } else if (isUint8Array(data)) {
            buf.set(data, 2);
          } else {
            throw new TypeError("Second argument must be a string or a Uint8Array");
          }
        }
        const options = {
          [kByteLength]: buf.length,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 8,
          readOnly: false,
          rsv1: false
        };
        if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, buf, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(buf, options), cb);
        }
      }
      /**
       * Sends a ping message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      ping(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 9,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a pong message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      pong(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 10,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a data message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Object} options Options object
       * @param {Boolean} [options.binary=false] Specifies whether `data` is binary
       *     or text
       * @param {Boolean} [options.compress=false] Specifies whether or not to
       *     compress `data`
       * @param {Boolean} [options.fin=false] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Function} [cb] Callback
       * @public
       */
      send(data, options, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        let opcode = options.binary ? 2 : 1;
        let rsv1 = options.compress;
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (this._firstFragment) {
          this._firstFragment = false;
          if (rsv1 && perMessageDeflate && perMessageDeflate.params[perMessageDeflate._isServer ? "server_no_context_takeover" : "client_no_context_takeover"]) {
            rsv1 = byteLength >= perMessageDeflate._threshold;
          }
          this._compress = rsv1;
        } else {
          rsv1 = false;
          opcode = 0;
        }
        if (options.fin) this._firstFragment = true;
        const opts = {
          [kByteLength]: byteLength,
          fin: options.fin,
          generateMask: this._generateMask,
          mask: options.mask,
          maskBuffer: this._maskBuffer,
          opcode,
          readOnly,
          rsv1
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, this._compress, opts, cb]);
          } else {
            this.getBlobData(data, this._compress, opts, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, this._compress, opts, cb]);
        } else {
          this.dispatch(data, this._compress, opts, cb);
        }
      }
      /**
       * Gets the contents of a blob as binary data.
       *
       * @param {Blob} blob The blob
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     the data
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      getBlobData(blob, compress, options, cb) {
        this._bufferedBytes += options[kByteLength];
        this._state = GET_BLOB_DATA;
        blob.arrayBuffer().then((arrayBuffer) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while the blob was being read"
            );
            process.nextTick(callCallbacks, this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          const data = toBuffer(arrayBuffer);
          if (!compress) {
            this._state = DEFAULT;
            this.sendFrame(_Sender.frame(data, options), cb);
            this.dequeue();
          } else {
            this.dispatch(data, compress, options, cb);
          }
        }).catch((err) => {
          process.nextTick(onError, this, err, cb);
        });
      }
      /**
       * Dispatches a message.
       *
       * @param {(Buffer|String)} data The message to send
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     `data`
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      dispatch(data, compress, options, cb) {
        if (!compress) {
          this.sendFrame(_Sender.frame(data, options), cb);
          return;
        }
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        this._bufferedBytes += options[kByteLength];
        this._state = DEFLATING;
        perMessageDeflate.compress(data, options.fin, (_, buf) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while data was being compressed"
            );
            callCallbacks(this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          this._state = DEFAULT;
          options.readOnly = false;
          this.sendFrame(_Sender.frame(buf, options), cb);
          this.dequeue();
        });
      }
      /**
       * Executes queued send operations.
       *
       * @private
       */
      dequeue() {
        while (this._state === DEFAULT && this._queue.length) {
          const params = this._queue.shift();
          this._bufferedBytes -= params[3][kByteLength];
          Reflect.apply(params[0], this, params.slice(1));
        }
      }
      /**
       * Enqueues a send operation.
       *
       * @param {Array} params Send operation parameters.
       * @private
       */
      enqueue(params) {
        this._bufferedBytes += params[3][kByteLength];
        this._queue.push(params);
      }
      /**
       * Sends a frame.
       *
       * @param {(Buffer | String)[]} list The frame to send
       * @param {Function} [cb] Callback
       * @private
       */
      sendFrame(list, cb) {
        if (list.length === 2) {
          this._socket.cork();
          this._socket.write(list[0]);
          this._socket.write(list[1], cb);
          this._socket.uncork();
        } else {
          this._socket.write(list[0], cb);
        }
      }
    };
    module.exports = Sender2;
    function callCallbacks(sender, err, cb) {
      if (typeof cb === "function") cb(err);
      for (let i = 0; i < sender._queue.length; i++) {
        const params = sender._queue[i];
        const callback = params[params.length - 1];
        if (typeof callback === "function") callback(err);
      }
    }
    function onError(sender, err, cb) {
      callCallbacks(sender, err, cb);
      sender.onerror(err);
    }
  }
});

// node_modules/ws/lib/event-target.js
var require_event_target = __commonJS({
  "node_modules/ws/lib/event-target.js"(exports, module) {
    "use strict";
    var { kForOnEventAttribute, kListener } = require_constants();
    var kCode = /* @__PURE__ */ Symbol("kCode");
    var kData = /* @__PURE__ */ Symbol("kData");
    var kError = /* @__PURE__ */ Symbol("kError");
    var kMessage = /* @__PURE__ */ Symbol("kMessage");
    var kReason = /* @__PURE__ */ Symbol("kReason");
    var kTarget = /* @__PURE__ */ Symbol("kTarget");
    var kType = /* @__PURE__ */ Symbol("kType");
    var kWasClean = /* @__PURE__ */ Symbol("kWasClean");
    var Event = class {
      /**
       * Create a new `Event`.
       *
       * @param {String} type The name of the event
       * @throws {TypeError} If the `type` argument is not specified
       */
      constructor(type) {
        this[kTarget] = null;
        this[kType] = type;
      }
      /**
       * @type {*}
       */
      get target() {
        return this[kTarget];
      }
      /**
       * @type {String}
       */
      get type() {
        return this[kType];
      }
    };
    Object.defineProperty(Event.prototype, "target", { enumerable: true });
    Object.defineProperty(Event.prototype, "type", { enumerable: true });
    var CloseEvent = class extends Event {
      /**
       * Create a new `CloseEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {Number} [options.code=0] The status code explaining why the
       *     connection was closed
       * @param {String} [options.reason=''] A human-readable string explaining why
       *     the connection was closed
       * @param {Boolean} [options.wasClean=false] Indicates whether or not the
       *     connection was cleanly closed
       */
      constructor(type, options = {}) {
        super(type);
        this[kCode] = options.code === void 0 ? 0 : options.code;
        this[kReason] = options.reason === void 0 ? "" : options.reason;
        this[kWasClean] = options.wasClean === void 0 ? false : options.wasClean;
      }
      /**
       * @type {Number}
       */
      get code() {
        return this[kCode];
      }
      /**
       * @type {String}
       */
      get reason() {
        return this[kReason];
      }
      /**
       * @type {Boolean}
       */
      get wasClean() {
        return this[kWasClean];
      }
    };
    Object.defineProperty(CloseEvent.prototype, "code", { enumerable: true });
    Object.defineProperty(CloseEvent.prototype, "reason", { enumerable: true });
    Object.defineProperty(CloseEvent.prototype, "wasClean", { enumerable: true });
    var ErrorEvent = class extends Event {
      /**
       * Create a new `ErrorEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.error=null] The error that generated this event
       * @param {String} [options.message=''] The error message
       */
      constructor(type, options = {}) {
        super(type);
        this[kError] = options.error === void 0 ? null : options.error;
        this[kMessage] = options.message === void 0 ? "" : options.message;
      }
      /**
       * @type {*}
       */
      get error() {
        return this[kError];
      }
      /**
       * @type {String}
       */
      get message() {
        return this[kMessage];
      }
    };
    Object.defineProperty(ErrorEvent.prototype, "error", { enumerable: true });
    Object.defineProperty(ErrorEvent.prototype, "message", { enumerable: true });
    var MessageEvent = class extends Event {
      /**
       * Create a new `MessageEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.data=null] The message content
       */
      constructor(type, options = {}) {
        super(type);
        this[kData] = options.data === void 0 ? null : options.data;
      }
      /**
       * @type {*}
       */
      get data() {
        return this[kData];
      }
    };
    Object.defineProperty(MessageEvent.prototype, "data", { enumerable: true });
    var EventTarget = {
      /**
       * Register an event listener.
       *
       * @param {String} type A string representing the event type to listen for
       * @param {(Function|Object)} handler The listener to add
       * @param {Object} [options] An options object specifies characteristics about
       *     the event listener
       * @param {Boolean} [options.once=false] A `Boolean` indicating that the
       *     listener should be invoked at most once after being added. If `true`,
       *     the listener would be automatically removed when invoked.
       * @public
       */
      addEventListener(type, handler, options = {}) {
        for (const listener of this.listeners(type)) {
          if (!options[kForOnEventAttribute] && listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            return;
          }
        }
        let wrapper;
        if (type === "message") {
          wrapper = function onMessage(data, isBinary) {
            const event = new MessageEvent("message", {
              data: isBinary ? data : data.toString()
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "close") {
          wrapper = function onClose(code, message) {
            const event = new CloseEvent("close", {
              code,
              reason: message.toString(),
              wasClean: this._closeFrameReceived && this._closeFrameSent
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "error") {
          wrapper = function onError(error) {
            const event = new ErrorEvent("error", {
              error,
              message: error.message
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "open") {
          wrapper = function onOpen() {
            const event = new Event("open");
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else {
          return;
        }
        wrapper[kForOnEventAttribute] = !!options[kForOnEventAttribute];
        wrapper[kListener] = handler;
        if (options.once) {
          this.once(type, wrapper);
        } else {
          this.on(type, wrapper);
        }
      },
      /**
       * Remove an event listener.
       *
       * @param {String} type A string representing the event type to remove
       * @param {(Function|Object)} handler The listener to remove
       * @public
       */
      removeEventListener(type, handler) {
        for (const listener of this.listeners(type)) {
          if (listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            this.removeListener(type, listener);
            break;
          }
        }
      }
    };
    module.exports = {
      CloseEvent,
      ErrorEvent,
      Event,
      EventTarget,
      MessageEvent
    };
    function callListener(listener, thisArg, event) {
      if (typeof listener === "object" && listener.handleEvent) {
        listener.handleEvent.call(listener, event);
      } else {
        listener.call(thisArg, event);
      }
    }
  }
});

// node_modules/ws/lib/extension.js
var require_extension = __commonJS({
  "node_modules/ws/lib/extension.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function push(dest, name, elem) {
      if (dest[name] === void 0) dest[name] = [elem];
      else dest[name].push(elem);
    }
    function parse2(header2) {
      const offers = /* @__PURE__ */ Object.create(null);
      let params = /* @__PURE__ */ Object.create(null);
      let mustUnescape = false;
      let isEscaping = false;
      let inQuotes = false;
      let extensionName;
      let paramName;
      let start = -1;
      let code = -1;
      let end = -1;
      let i = 0;
      for (; i < header2.length; i++) {
        code = header2.charCodeAt(i);
        if (extensionName === void 0) {
          if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (i !== 0 && (code === 32 || code === 9)) {
            if (end === -1 && start !== -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            const name = header2.slice(start, end);
            if (code === 44) {
              push(offers, name, params);
              params = /* @__PURE__ */ Object.create(null);
            } else {
              extensionName = name;
            }
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else if (paramName === void 0) {
          if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (code === 32 || code === 9) {
            if (end === -1 && start !== -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            push(params, header2.slice(start, end), true);
            if (code === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            start = end = -1;
          } else if (code === 61 && start !== -1 && end === -1) {
            paramName = header2.slice(start, i);
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else {
          if (isEscaping) {
            if (tokenChars[code] !== 1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (start === -1) start = i;
            else if (!mustUnescape) mustUnescape = true;
            isEscaping = false;
          } else if (inQuotes) {
            if (tokenChars[code] === 1) {
              if (start === -1) start = i;
            } else if (code === 34 && start !== -1) {
              inQuotes = false;
              end = i;
            } else if (code === 92) {
              isEscaping = true;
            } else {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
          } else if (code === 34 && header2.charCodeAt(i - 1) === 61) {
            inQuotes = true;
          } else if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (start !== -1 && (code === 32 || code === 9)) {
            if (end === -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            let value = header2.slice(start, end);
            if (mustUnescape) {
              value = value.replace(/\\/g, "");
              mustUnescape = false;
            }
            push(params, paramName, value);
            if (code === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            paramName = void 0;
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        }
      }
      if (start === -1 || inQuotes || code === 32 || code === 9) {
        throw new SyntaxError("Unexpected end of input");
      }
      if (end === -1) end = i;
      const token = header2.slice(start, end);
      if (extensionName === void 0) {
        push(offers, token, params);
      } else {
        if (paramName === void 0) {
          push(params, token, true);
        } else if (mustUnescape) {
          push(params, paramName, token.replace(/\\/g, ""));
        } else {
          push(params, paramName, token);
        }
        push(offers, extensionName, params);
      }
      return offers;
    }
    function format3(extensions) {
      return Object.keys(extensions).map((extension2) => {
        let configurations = extensions[extension2];
        if (!Array.isArray(configurations)) configurations = [configurations];
        return configurations.map((params) => {
          return [extension2].concat(
            Object.keys(params).map((k) => {
              let values = params[k];
              if (!Array.isArray(values)) values = [values];
              return values.map((v) => v === true ? k : `${k}=${v}`).join("; ");
            })
          ).join("; ");
        }).join(", ");
      }).join(", ");
    }
    module.exports = { format: format3, parse: parse2 };
  }
});

// node_modules/ws/lib/websocket.js
var require_websocket = __commonJS({
  "node_modules/ws/lib/websocket.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events");
    var https = __require("https");
    var http = __require("http");
    var net = __require("net");
    var querystring = __require("querystring");
    var tls = __require("tls");
    var { randomBytes: randomBytes2, createHash: createHash2 } = __require("crypto");
    var { Duplex, Readable } = __require("stream");
    var { URL: URL2 } = __require("url");
    var PerMessageDeflate2 = require_permessage_deflate();
    var Receiver2 = require_receiver();
    var Sender2 = require_sender();
    var { isBlob } = require_validation();
    var {
      BINARY_TYPES,
      CLOSE_TIMEOUT,
      EMPTY_BUFFER,
      GUID,
      kForOnEventAttribute,
      kListener,
      kStatusCode,
      kWebSocket,
      NOOP
    } = require_constants();
    var {
      EventTarget: { addEventListener, removeEventListener }
    } = require_event_target();
    var { format: format3, parse: parse2 } = require_extension();
    var { toBuffer } = require_buffer_util();
    var kAborted = /* @__PURE__ */ Symbol("kAborted");
    var protocolVersions = [8, 13];
    var readyStates = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"];
    var subprotocolRegex = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;
    var WebSocket2 = class _WebSocket extends EventEmitter {
      /**
       * Create a new `WebSocket`.
       *
       * @param {(String|URL)} address The URL to which to connect
       * @param {(String|String[])} [protocols] The subprotocols
       * @param {Object} [options] Connection options
       */
      constructor(address, protocols, options) {
        super();
        this._binaryType = BINARY_TYPES[0];
        this._closeCode = 1006;
        this._closeFrameReceived = false;
        this._closeFrameSent = false;
        this._closeMessage = EMPTY_BUFFER;
        this._closeTimer = null;
        this._errorEmitted = false;
        this._extensions = {};
        this._paused = false;
        this._protocol = "";
        this._readyState = _WebSocket.CONNECTING;
        this._receiver = null;
        this._sender = null;
        this._socket = null;
        if (address !== null) {
          this._bufferedAmount = 0;
          this._isServer = false;
          this._redirects = 0;
          if (protocols === void 0) {
            if (!options || options.protocols === void 0) {
              protocols = [];
            } else if (Array.isArray(options.protocols)) {
              protocols = options.protocols;
            } else {
              protocols = [options.protocols];
            }
          } else if (!Array.isArray(protocols)) {
            if (typeof protocols === "object" && protocols !== null) {
              options = protocols;
              if (options.protocols === void 0) {
                protocols = [];
              } else if (Array.isArray(options.protocols)) {
                protocols = options.protocols;
              } else {
                protocols = [options.protocols];
              }
            } else {
              protocols = [protocols];
            }
          }
          options = initAsClient(this, address, protocols, options);
        } else {
          this._isServer = true;
        }
        if (options.autoPong) {
          this._autoPong = true;
          this._autoPongComplete = () => autoPongComplete(this);
          this._pendingAutoPongs = 0;
          this._maxPendingAutoPongs = options.maxPendingAutoPongs | 0;
        }
        this._closeTimeout = options.closeTimeout;
      }
      /**
       * For historical reasons, the custom "nodebuffer" type is used by the default
       * instead of "blob".
       *
       * @type {String}
       */
      get binaryType() {
        return this._binaryType;
      }
      set binaryType(type) {
        if (!BINARY_TYPES.includes(type)) return;
        this._binaryType = type;
        if (this._receiver) this._receiver._binaryType = type;
      }
      /**
       * @type {Number}
       */
      get bufferedAmount() {
        if (!this._socket) return this._bufferedAmount;
        return this._socket._writableState.length + this._sender._bufferedBytes;
      }
      /**
       * @type {String}
       */
      get extensions() {
        return Object.keys(this._extensions).join();
      }
      /**
       * @type {Boolean}
       */
      get isPaused() {
        return this._paused;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onclose() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onerror() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onopen() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onmessage() {
        return null;
      }
      /**
       * @type {String}
       */
      get protocol() {
        return this._protocol;
      }
      /**
       * @type {Number}
       */
      get readyState() {
        return this._readyState;
      }
      /**
       * @type {String}
       */
      get url() {
        return this._url;
      }
      /**
       * Set up the socket and the internal resources.
       *
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Object} options Options object
       * @param {Boolean} [options.allowSynchronousEvents=false] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message size
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @private
       */
      setSocket(socket, head2, options) {
        const receiver = new Receiver2({
          allowSynchronousEvents: options.allowSynchronousEvents,
          binaryType: this.binaryType,
          extensions: this._extensions,
          isServer: this._isServer,
          maxBufferedChunks: options.maxBufferedChunks,
          maxFragments: options.maxFragments,
          maxPayload: options.maxPayload,
          skipUTF8Validation: options.skipUTF8Validation
        });
        const sender = new Sender2(socket, this._extensions, options.generateMask);
        this._receiver = receiver;
        this._sender = sender;
        this._socket = socket;
        receiver[kWebSocket] = this;
        sender[kWebSocket] = this;
        socket[kWebSocket] = this;
        receiver.on("conclude", receiverOnConclude);
        receiver.on("drain", receiverOnDrain);
        receiver.on("error", receiverOnError);
        receiver.on("message", receiverOnMessage);
        receiver.on("ping", receiverOnPing);
        receiver.on("pong", receiverOnPong);
        sender.onerror = senderOnError;
        if (socket.setTimeout) socket.setTimeout(0);
        if (socket.setNoDelay) socket.setNoDelay();
        if (head2.length > 0) socket.unshift(head2);
        socket.on("close", socketOnClose);
        socket.on("data", socketOnData);
        socket.on("end", socketOnEnd);
        socket.on("error", socketOnError);
        this._readyState = _WebSocket.OPEN;
        this.emit("open");
      }
      /**
       * Emit the `'close'` event.
       *
       * @private
       */
      emitClose() {
        if (!this._socket) {
          this._readyState = _WebSocket.CLOSED;
          this.emit("close", this._closeCode, this._closeMessage);
          return;
        }
        if (this._extensions[PerMessageDeflate2.extensionName]) {
          this._extensions[PerMessageDeflate2.extensionName].cleanup();
        }
        this._receiver.removeAllListeners();
        this._readyState = _WebSocket.CLOSED;
        this.emit("close", this._closeCode, this._closeMessage);
      }
      /**
       * Start a closing handshake.
       *
       *          +----------+   +-----------+   +----------+
       *     - - -|ws.close()|-->|close frame|-->|ws.close()|- - -
       *    |     +----------+   +-----------+   +----------+     |
       *          +----------+   +-----------+         |
       * CLOSING  |ws.close()|<--|close frame|<--+-----+       CLOSING
       *          +----------+   +-----------+   |
       *    |           |                        |   +---+        |
       *                +------------------------+-->|fin| - - - -
       *    |         +---+                      |   +---+
       *     - - - - -|fin|<---------------------+
       *              +---+
       *
       * @param {Number} [code] Status code explaining why the connection is closing
       * @param {(String|Buffer)} [data] The reason why the connection is
       *     closing
       * @public
       */
      close(code, data) {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake2(this, this._req, msg);
          return;
        }
        if (this.readyState === _WebSocket.CLOSING) {
          if (this._closeFrameSent && (this._closeFrameReceived || this._receiver._writableState.errorEmitted)) {
            this._socket.end();
          }
          return;
        }
        this._sender.close(code, data, !this._isServer, (err) => {
          if (err) return;
          this._closeFrameSent = true;
          if (this._closeFrameReceived || this._receiver._writableState.errorEmitted) {
            this._socket.end();
          }
        });
        this._readyState = _WebSocket.CLOSING;
        setCloseTimer(this);
      }
      /**
       * Pause the socket.
       *
       * @public
       */
      pause() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = true;
        this._socket.pause();
      }
      /**
       * Send a ping.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the ping is sent
       * @public
       */
      ping(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.ping(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Send a pong.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the pong is sent
       * @public
       */
      pong(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.pong(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Resume the socket.
       *
       * @public
       */
      resume() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = false;
        if (!this._receiver._writableState.needDrain) this._socket.resume();
      }
      /**
       * Send a data message.
       *
       * @param {*} data The message to send
       * @param {Object} [options] Options object
       * @param {Boolean} [options.binary] Specifies whether `data` is binary or
       *     text
       * @param {Boolean} [options.compress] Specifies whether or not to compress
       *     `data`
       * @param {Boolean} [options.fin=true] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when data is written out
       * @public
       */
      send(data, options, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof options === "function") {
          cb = options;
          options = {};
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        const opts = {
          binary: typeof data !== "string",
          mask: !this._isServer,
          compress: true,
          fin: true,
          ...options
        };
        if (!this._extensions[PerMessageDeflate2.extensionName]) {
          opts.compress = false;
        }
        this._sender.send(data || EMPTY_BUFFER, opts, cb);
      }
      /**
       * Forcibly close the connection.
       *
       * @public
       */
      terminate() {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake2(this, this._req, msg);
          return;
        }
        if (this._socket) {
          this._readyState = _WebSocket.CLOSING;
          this._socket.destroy();
        }
      }
    };
    Object.defineProperty(WebSocket2, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2.prototype, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2.prototype, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    [
      "binaryType",
      "bufferedAmount",
      "extensions",
      "isPaused",
      "protocol",
      "readyState",
      "url"
    ].forEach((property) => {
      Object.defineProperty(WebSocket2.prototype, property, { enumerable: true });
    });
    ["open", "error", "close", "message"].forEach((method) => {
      Object.defineProperty(WebSocket2.prototype, `on${method}`, {
        enumerable: true,
        get() {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) return listener[kListener];
          }
          return null;
        },
        set(handler) {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) {
              this.removeListener(method, listener);
              break;
            }
          }
          if (typeof handler !== "function") return;
          this.addEventListener(method, handler, {
            [kForOnEventAttribute]: true
          });
        }
      });
    });
    WebSocket2.prototype.addEventListener = addEventListener;
    WebSocket2.prototype.removeEventListener = removeEventListener;
    module.exports = WebSocket2;
    function initAsClient(websocket, address, protocols, options) {
      const opts = {
        allowSynchronousEvents: true,
        autoPong: true,
        closeTimeout: CLOSE_TIMEOUT,
        protocolVersion: protocolVersions[1],
        maxBufferedChunks: 256 * 1024,
        maxFragments: 16 * 1024,
        maxPayload: 100 * 1024 * 1024,
        maxPendingAutoPongs: 60,
        skipUTF8Validation: false,
        perMessageDeflate: true,
        followRedirects: false,
        maxRedirects: 10,
        ...options,
        socketPath: void 0,
        hostname: void 0,
        protocol: void 0,
        protocols: void 0,
        timeout: void 0,
        method: "GET",
        host: void 0,
        path: void 0,
        port: void 0
      };
      if (!protocolVersions.includes(opts.protocolVersion)) {
        throw new RangeError(
          `Unsupported protocol version: ${opts.protocolVersion} (supported versions: ${protocolVersions.join(", ")})`
        );
      }
      let parsedUrl;
      if (address instanceof URL2) {
        parsedUrl = address;
      } else {
        try {
          parsedUrl = new URL2(address);
        } catch {
          throw new SyntaxError(`Invalid URL: ${address}`);
        }
      }
      if (parsedUrl.protocol === "http:" || parsedUrl.protocol === "https:") {
        parsedUrl = new URL2(parsedUrl);
        parsedUrl.protocol = parsedUrl.protocol === "http:" ? "ws:" : "wss:";
      }
      websocket._url = parsedUrl.href;
      const isSecure = parsedUrl.protocol === "wss:";
      const isIpcUrl = parsedUrl.protocol === "ws+unix:";
      let invalidUrlMessage;
      if (parsedUrl.protocol !== "ws:" && !isSecure && !isIpcUrl) {
        invalidUrlMessage = `The URL's protocol must be one of "ws:", "wss:", "http:", "https:", or "ws+unix:"`;
      } else if (isIpcUrl && !parsedUrl.pathname) {
        invalidUrlMessage = "The URL's pathname is empty";
      } else if (parsedUrl.hash) {
        invalidUrlMessage = "The URL contains a fragment identifier";
      }
      if (invalidUrlMessage) {
        const err = new SyntaxError(invalidUrlMessage);
        if (websocket._redirects === 0) {
          throw err;
        } else {
          emitErrorAndClose(websocket, err);
          return;
        }
      }
      const defaultPort = isSecure ? 443 : 80;
      const key2 = randomBytes2(16).toString("base64");
      const request = isSecure ? https.request : http.request;
      const protocolSet = /* @__PURE__ */ new Set();
      let perMessageDeflate;
      opts.createConnection = opts.createConnection || (isSecure ? tlsConnect : netConnect);
      opts.defaultPort = opts.defaultPort || defaultPort;
      opts.port = parsedUrl.port || defaultPort;
      opts.host = parsedUrl.hostname.startsWith("[") ? parsedUrl.hostname.slice(1, -1) : parsedUrl.hostname;
      opts.headers = {
        ...opts.headers,
        "Sec-WebSocket-Version": opts.protocolVersion,
        "Sec-WebSocket-Key": key2,
        Connection: "Upgrade",
        Upgrade: "websocket"
      };
      opts.path = parsedUrl.pathname + parsedUrl.search;
      opts.timeout = opts.handshakeTimeout;
      if (opts.perMessageDeflate) {
        perMessageDeflate = new PerMessageDeflate2({
          ...opts.perMessageDeflate,
          isServer: false,
          maxPayload: opts.maxPayload
        });
        opts.headers["Sec-WebSocket-Extensions"] = format3({
          [PerMessageDeflate2.extensionName]: perMessageDeflate.offer()
        });
      }
      if (protocols.length) {
        for (const protocol of protocols) {
          if (typeof protocol !== "string" || !subprotocolRegex.test(protocol) || protocolSet.has(protocol)) {
            throw new SyntaxError(
              "An invalid or duplicated subprotocol was specified"
            );
          }
          protocolSet.add(protocol);
        }
        opts.headers["Sec-WebSocket-Protocol"] = protocols.join(",");
      }
      if (opts.origin) {
        if (opts.protocolVersion < 13) {
          opts.headers["Sec-WebSocket-Origin"] = opts.origin;
        } else {
          opts.headers.Origin = opts.origin;
        }
      }
      if (parsedUrl.username || parsedUrl.password) {
        const username = querystring.unescape(parsedUrl.username);
        const password = querystring.unescape(parsedUrl.password);
        opts.auth = `${username}:${password}`;
      }
      if (isIpcUrl) {
        const i = opts.path.indexOf(":");
        if (i === -1) {
          opts.socketPath = opts.path;
          opts.path = "";
        } else {
          opts.socketPath = opts.path.slice(0, i);
          opts.path = opts.path.slice(i + 1);
        }
      }
      let req;
      if (opts.followRedirects) {
        if (websocket._redirects === 0) {
          websocket._originalIpc = isIpcUrl;
          websocket._originalSecure = isSecure;
          websocket._originalHostOrSocketPath = isIpcUrl ? opts.socketPath : parsedUrl.host;
          const headers = options && options.headers;
          options = { ...options, headers: {} };
          if (headers) {
            for (const [key3, value] of Object.entries(headers)) {
              options.headers[key3.toLowerCase()] = value;
            }
          }
        } else if (websocket.listenerCount("redirect") === 0) {
          const isSameHost = isIpcUrl ? websocket._originalIpc ? opts.socketPath === websocket._originalHostOrSocketPath : false : websocket._originalIpc ? false : parsedUrl.host === websocket._originalHostOrSocketPath;
          if (!isSameHost || websocket._originalSecure && !isSecure) {
            delete opts.headers.authorization;
            delete opts.headers.cookie;
            if (!isSameHost) delete opts.headers.host;
            opts.auth = void 0;
          }
        }
        if (opts.auth && !options.headers.authorization) {
          options.headers.authorization = "Basic " + Buffer.from(opts.auth).toString("base64");
        }
        req = websocket._req = request(opts);
        if (websocket._redirects) {
          websocket.emit("redirect", websocket.url, req);
        }
      } else {
        req = websocket._req = request(opts);
      }
      if (opts.timeout) {
        req.on("timeout", () => {
          abortHandshake2(websocket, req, "Opening handshake has timed out");
        });
      }
      req.on("error", (err) => {
        if (req === null || req[kAborted]) return;
        req = websocket._req = null;
        emitErrorAndClose(websocket, err);
      });
      req.on("response", (res) => {
        const location = res.headers.location;
        const statusCode = res.statusCode;
        if (location && opts.followRedirects && statusCode >= 300 && statusCode < 400) {
          if (++websocket._redirects > opts.maxRedirects) {
            abortHandshake2(websocket, req, "Maximum redirects exceeded");
            return;
          }
          req.abort();
          let addr;
          try {
            addr = new URL2(location, address);
          } catch (e) {
            const err = new SyntaxError(`Invalid URL: ${location}`);
            emitErrorAndClose(websocket, err);
            return;
          }
          initAsClient(websocket, addr, protocols, options);
        } else if (!websocket.emit("unexpected-response", req, res)) {
          abortHandshake2(
            websocket,
            req,
            `Unexpected server response: ${res.statusCode}`
          );
        }
      });
      req.on("upgrade", (res, socket, head2) => {
        websocket.emit("upgrade", res);
        if (websocket.readyState !== WebSocket2.CONNECTING) return;
        req = websocket._req = null;
        const upgrade = res.headers.upgrade;
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          abortHandshake2(websocket, socket, "Invalid Upgrade header");
          return;
        }
        const digest = createHash2("sha1").update(key2 + GUID).digest("base64");
        if (res.headers["sec-websocket-accept"] !== digest) {
          abortHandshake2(websocket, socket, "Invalid Sec-WebSocket-Accept header");
          return;
        }
        const serverProt = res.headers["sec-websocket-protocol"];
        let protError;
        if (serverProt !== void 0) {
          if (!protocolSet.size) {
            protError = "Server sent a subprotocol but none was requested";
          } else if (!protocolSet.has(serverProt)) {
            protError = "Server sent an invalid subprotocol";
          }
        } else if (protocolSet.size) {
          protError = "Server sent no subprotocol";
        }
        if (protError) {
          abortHandshake2(websocket, socket, protError);
          return;
        }
        if (serverProt) websocket._protocol = serverProt;
        const secWebSocketExtensions = res.headers["sec-websocket-extensions"];
        if (secWebSocketExtensions !== void 0) {
          if (!perMessageDeflate) {
            const message = "Server sent a Sec-WebSocket-Extensions header but no extension was requested";
            abortHandshake2(websocket, socket, message);
            return;
          }
          let extensions;
          try {
            extensions = parse2(secWebSocketExtensions);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake2(websocket, socket, message);
            return;
          }
          const extensionNames = Object.keys(extensions);
          if (extensionNames.length !== 1 || extensionNames[0] !== PerMessageDeflate2.extensionName) {
            const message = "Server indicated an extension that was not requested";
            abortHandshake2(websocket, socket, message);
            return;
          }
          try {
            perMessageDeflate.accept(extensions[PerMessageDeflate2.extensionName]);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake2(websocket, socket, message);
            return;
          }
          websocket._extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
        }
        websocket.setSocket(socket, head2, {
          allowSynchronousEvents: opts.allowSynchronousEvents,
          generateMask: opts.generateMask,
          maxBufferedChunks: opts.maxBufferedChunks,
          maxFragments: opts.maxFragments,
          maxPayload: opts.maxPayload,
          skipUTF8Validation: opts.skipUTF8Validation
        });
      });
      if (opts.finishRequest) {
        opts.finishRequest(req, websocket);
      } else {
        req.end();
      }
      return opts;
    }
    function emitErrorAndClose(websocket, err) {
      websocket._readyState = WebSocket2.CLOSING;
      websocket._errorEmitted = true;
      websocket.emit("error", err);
      websocket.emitClose();
    }
    function netConnect(options) {
      options.path = options.socketPath;
      return net.connect(options);
    }
    function tlsConnect(options) {
      options.path = void 0;
      if (!options.servername && options.servername !== "") {
        options.servername = net.isIP(options.host) ? "" : options.host;
      }
      return tls.connect(options);
    }
    function abortHandshake2(websocket, stream, message) {
      websocket._readyState = WebSocket2.CLOSING;
      const err = new Error(message);
      Error.captureStackTrace(err, abortHandshake2);
      if (stream.setHeader) {
        stream[kAborted] = true;
        stream.abort();
        if (stream.socket && !stream.socket.destroyed) {
          stream.socket.destroy();
        }
        process.nextTick(emitErrorAndClose, websocket, err);
      } else {
        stream.destroy(err);
        stream.once("error", websocket.emit.bind(websocket, "error"));
        stream.once("close", websocket.emitClose.bind(websocket));
      }
    }
    function sendAfterClose(websocket, data, cb) {
      if (data) {
        const length = isBlob(data) ? data.size : toBuffer(data).length;
        if (websocket._socket) websocket._sender._bufferedBytes += length;
        else websocket._bufferedAmount += length;
      }
      if (cb) {
        const err = new Error(
          `WebSocket is not open: readyState ${websocket.readyState} (${readyStates[websocket.readyState]})`
        );
        process.nextTick(cb, err);
      }
    }
    function receiverOnConclude(code, reason) {
      const websocket = this[kWebSocket];
      websocket._closeFrameReceived = true;
      websocket._closeCode = code;
      if (reason.length === 0) {
        websocket._closeMessage = EMPTY_BUFFER;
      } else {
        websocket._closeMessage = Buffer.allocUnsafeSlow(reason.length);
        websocket._closeMessage.set(reason);
      }
      if (websocket._socket[kWebSocket] === void 0) return;
      websocket._socket.removeListener("data", socketOnData);
      process.nextTick(resume, websocket._socket);
      if (code === 1005) websocket.close();
      else websocket.close(code, reason);
    }
    function receiverOnDrain() {
      const websocket = this[kWebSocket];
      if (!websocket.isPaused) websocket._socket.resume();
    }
    function receiverOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket._socket[kWebSocket] !== void 0) {
        websocket._socket.removeListener("data", socketOnData);
        process.nextTick(resume, websocket._socket);
        websocket.close(err[kStatusCode]);
      }
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function receiverOnFinish() {
      this[kWebSocket].emitClose();
    }
    function receiverOnMessage(data, isBinary) {
      this[kWebSocket].emit("message", data, isBinary);
    }
    function receiverOnPing(data) {
      const websocket = this[kWebSocket];
      if (websocket._autoPong && websocket.readyState === WebSocket2.OPEN) {
        if (websocket._maxPendingAutoPongs > 0 && websocket._pendingAutoPongs >= websocket._maxPendingAutoPongs) {
          websocket.terminate();
        } else {
          websocket._pendingAutoPongs++;
          websocket.pong(data, !this._isServer, websocket._autoPongComplete);
        }
      }
      websocket.emit("ping", data);
    }
    function autoPongComplete(websocket) {
      websocket._pendingAutoPongs--;
    }
    function receiverOnPong(data) {
      this[kWebSocket].emit("pong", data);
    }
    function resume(stream) {
      stream.resume();
    }
    function senderOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket.readyState === WebSocket2.CLOSED) return;
      if (websocket.readyState === WebSocket2.OPEN) {
        websocket._readyState = WebSocket2.CLOSING;
        setCloseTimer(websocket);
      }
      this._socket.end();
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function setCloseTimer(websocket) {
      websocket._closeTimer = setTimeout(
        websocket._socket.destroy.bind(websocket._socket),
        websocket._closeTimeout
      );
    }
    function socketOnClose() {
      const websocket = this[kWebSocket];
      this.removeListener("close", socketOnClose);
      this.removeListener("data", socketOnData);
      this.removeListener("end", socketOnEnd);
      websocket._readyState = WebSocket2.CLOSING;
      if (!this._readableState.endEmitted && !websocket._closeFrameReceived && !websocket._receiver._writableState.errorEmitted && this._readableState.length !== 0) {
        const chunk = this.read(this._readableState.length);
        websocket._receiver.write(chunk);
      }
      websocket._receiver.end();
      this[kWebSocket] = void 0;
      clearTimeout(websocket._closeTimer);
      if (websocket._receiver._writableState.finished || websocket._receiver._writableState.errorEmitted) {
        websocket.emitClose();
      } else {
        websocket._receiver.on("error", receiverOnFinish);
        websocket._receiver.on("finish", receiverOnFinish);
      }
    }
    function socketOnData(chunk) {
      if (!this[kWebSocket]._receiver.write(chunk)) {
        this.pause();
      }
    }
    function socketOnEnd() {
      const websocket = this[kWebSocket];
      websocket._readyState = WebSocket2.CLOSING;
      websocket._receiver.end();
      this.end();
    }
    function socketOnError() {
      const websocket = this[kWebSocket];
      this.removeListener("error", socketOnError);
      this.on("error", NOOP);
      if (websocket) {
        websocket._readyState = WebSocket2.CLOSING;
        this.destroy();
      }
    }
  }
});

// node_modules/ws/lib/stream.js
var require_stream = __commonJS({
  "node_modules/ws/lib/stream.js"(exports, module) {
    "use strict";
    var WebSocket2 = require_websocket();
    var { Duplex } = __require("stream");
    function emitClose(stream) {
      stream.emit("close");
    }
    function duplexOnEnd() {
      if (!this.destroyed && this._writableState.finished) {
        this.destroy();
      }
    }
    function duplexOnError(err) {
      this.removeListener("error", duplexOnError);
      this.destroy();
      if (this.listenerCount("error") === 0) {
        this.emit("error", err);
      }
    }
    function createWebSocketStream2(ws, options) {
      let terminateOnDestroy = true;
      const duplex = new Duplex({
        ...options,
        autoDestroy: false,
        emitClose: false,
        objectMode: false,
        writableObjectMode: false
      });
      ws.on("message", function message(msg, isBinary) {
        const data = !isBinary && duplex._readableState.objectMode ? msg.toString() : msg;
        if (!duplex.push(data)) ws.pause();
      });
      ws.once("error", function error(err) {
        if (duplex.destroyed) return;
        terminateOnDestroy = false;
        duplex.destroy(err);
      });
      ws.once("close", function close() {
        if (duplex.destroyed) return;
        duplex.push(null);
      });
      duplex._destroy = function(err, callback) {
        if (ws.readyState === ws.CLOSED) {
          callback(err);
          process.nextTick(emitClose, duplex);
          return;
        }
        let called = false;
        ws.once("error", function error(err2) {
          called = true;
          callback(err2);
        });
        ws.once("close", function close() {
          if (!called) callback(err);
          process.nextTick(emitClose, duplex);
        });
        if (terminateOnDestroy) ws.terminate();
      };
      duplex._final = function(callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open2() {
            duplex._final(callback);
          });
          return;
        }
        if (ws._socket === null) return;
        if (ws._socket._writableState.finished) {
          callback();
          if (duplex._readableState.endEmitted) duplex.destroy();
        } else {
          ws._socket.once("finish", function finish() {
            callback();
          });
          ws.close();
        }
      };
      duplex._read = function() {
        if (ws.isPaused) ws.resume();
      };
      duplex._write = function(chunk, encoding, callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open2() {
            duplex._write(chunk, encoding, callback);
          });
          return;
        }
        ws.send(chunk, callback);
      };
      duplex.on("end", duplexOnEnd);
      duplex.on("error", duplexOnError);
      return duplex;
    }
    module.exports = createWebSocketStream2;
  }
});

// node_modules/ws/lib/subprotocol.js
var require_subprotocol = __commonJS({
  "node_modules/ws/lib/subprotocol.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function parse2(header2) {
      const protocols = /* @__PURE__ */ new Set();
      let start = -1;
      let end = -1;
      let i = 0;
      for (i; i < header2.length; i++) {
        const code = header2.charCodeAt(i);
        if (end === -1 && tokenChars[code] === 1) {
          if (start === -1) start = i;
        } else if (i !== 0 && (code === 32 || code === 9)) {
          if (end === -1 && start !== -1) end = i;
        } else if (code === 44) {
          if (start === -1) {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
          if (end === -1) end = i;
          const protocol2 = header2.slice(start, end);
          if (protocols.has(protocol2)) {
            throw new SyntaxError(`The "${protocol2}" subprotocol is duplicated`);
          }
          protocols.add(protocol2);
          start = end = -1;
        } else {
          throw new SyntaxError(`Unexpected character at index ${i}`);
        }
      }
      if (start === -1 || end !== -1) {
        throw new SyntaxError("Unexpected end of input");
      }
      const protocol = header2.slice(start, i);
      if (protocols.has(protocol)) {
        throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
      }
      protocols.add(protocol);
      return protocols;
    }
    module.exports = { parse: parse2 };
  }
});

// node_modules/ws/lib/websocket-server.js
var require_websocket_server = __commonJS({
  "node_modules/ws/lib/websocket-server.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events");
    var http = __require("http");
    var { Duplex } = __require("stream");
    var { createHash: createHash2 } = __require("crypto");
    var extension2 = require_extension();
    var PerMessageDeflate2 = require_permessage_deflate();
    var subprotocol2 = require_subprotocol();
    var WebSocket2 = require_websocket();
    var { CLOSE_TIMEOUT, GUID, kWebSocket } = require_constants();
    var keyRegex = /^[+/0-9A-Za-z]{22}==$/;
    var RUNNING = 0;
    var CLOSING = 1;
    var CLOSED = 2;
    var WebSocketServer2 = class extends EventEmitter {
      /**
       * Create a `WebSocketServer` instance.
       *
       * @param {Object} options Configuration options
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Boolean} [options.autoPong=true] Specifies whether or not to
       *     automatically send a pong in response to a ping
       * @param {Number} [options.backlog=511] The maximum length of the queue of
       *     pending connections
       * @param {Boolean} [options.clientTracking=true] Specifies whether or not to
       *     track clients
       * @param {Number} [options.closeTimeout=30000] Duration in milliseconds to
       *     wait for the closing handshake to finish after `websocket.close()` is
       *     called
       * @param {Function} [options.handleProtocols] A hook to handle protocols
       * @param {String} [options.host] The hostname where to bind the server
       * @param {Number} [options.maxBufferedChunks=262144] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=16384] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=104857600] The maximum allowed message
       *     size
       * @param {Number} [options.maxPendingAutoPongs=60] The maximum number of
       *     pending automatic pongs
       * @param {Boolean} [options.noServer=false] Enable no server mode
       * @param {String} [options.path] Accept only connections matching this path
       * @param {(Boolean|Object)} [options.perMessageDeflate=false] Enable/disable
       *     permessage-deflate
       * @param {Number} [options.port] The port where to bind the server
       * @param {(http.Server|https.Server)} [options.server] A pre-created HTTP/S
       *     server to use
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @param {Function} [options.verifyClient] A hook to reject connections
       * @param {Function} [options.WebSocket=WebSocket] Specifies the `WebSocket`
       *     class to use. It must be the `WebSocket` class or class that extends it
       * @param {Function} [callback] A listener for the `listening` event
       */
      constructor(options, callback) {
        super();
        options = {
          allowSynchronousEvents: true,
          autoPong: true,
          maxBufferedChunks: 256 * 1024,
          maxFragments: 16 * 1024,
          maxPayload: 100 * 1024 * 1024,
          maxPendingAutoPongs: 60,
          skipUTF8Validation: false,
          perMessageDeflate: false,
          handleProtocols: null,
          clientTracking: true,
          closeTimeout: CLOSE_TIMEOUT,
          verifyClient: null,
          noServer: false,
          backlog: null,
          // use default (511 as implemented in net.js)
          server: null,
          host: null,
          path: null,
          port: null,
          WebSocket: WebSocket2,
          ...options
        };
        if (options.port == null && !options.server && !options.noServer || options.port != null && (options.server || options.noServer) || options.server && options.noServer) {
          throw new TypeError(
            'One and only one of the "port", "server", or "noServer" options must be specified'
          );
        }
        if (options.port != null) {
          this._server = http.createServer((req, res) => {
            const body2 = http.STATUS_CODES[426];
            res.writeHead(426, {
              "Content-Length": body2.length,
              "Content-Type": "text/plain"
            });
            res.end(body2);
          });
          this._server.listen(
            options.port,
            options.host,
            options.backlog,
            callback
          );
        } else if (options.server) {
          this._server = options.server;
        }
        if (this._server) {
          const emitConnection = this.emit.bind(this, "connection");
          this._removeListeners = addListeners(this._server, {
            listening: this.emit.bind(this, "listening"),
            error: this.emit.bind(this, "error"),
            upgrade: (req, socket, head2) => {
              this.handleUpgrade(req, socket, head2, emitConnection);
            }
          });
        }
        if (options.perMessageDeflate === true) options.perMessageDeflate = {};
        if (options.clientTracking) {
          this.clients = /* @__PURE__ */ new Set();
          this._shouldEmitClose = false;
        }
        this.options = options;
        this._state = RUNNING;
      }
      /**
       * Returns the bound address, the address family name, and port of the server
       * as reported by the operating system if listening on an IP socket.
       * If the server is listening on a pipe or UNIX domain socket, the name is
       * returned as a string.
       *
       * @return {(Object|String|null)} The address of the server
       * @public
       */
      address() {
        if (this.options.noServer) {
          throw new Error('The server is operating in "noServer" mode');
        }
        if (!this._server) return null;
        return this._server.address();
      }
      /**
       * Stop the server from accepting new connections and emit the `'close'` event
       * when all existing connections are closed.
       *
       * @param {Function} [cb] A one-time listener for the `'close'` event
       * @public
       */
      close(cb) {
        if (this._state === CLOSED) {
          if (cb) {
            this.once("close", () => {
              cb(new Error("The server is not running"));
            });
          }
          process.nextTick(emitClose, this);
          return;
        }
        if (cb) this.once("close", cb);
        if (this._state === CLOSING) return;
        this._state = CLOSING;
        if (this.options.noServer || this.options.server) {
          if (this._server) {
            this._removeListeners();
            this._removeListeners = this._server = null;
          }
          if (this.clients) {
            if (!this.clients.size) {
              process.nextTick(emitClose, this);
            } else {
              this._shouldEmitClose = true;
            }
          } else {
            process.nextTick(emitClose, this);
          }
        } else {
          const server = this._server;
          this._removeListeners();
          this._removeListeners = this._server = null;
          server.close(() => {
            emitClose(this);
          });
        }
      }
      /**
       * See if a given request should be handled by this server instance.
       *
       * @param {http.IncomingMessage} req Request object to inspect
       * @return {Boolean} `true` if the request is valid, else `false`
       * @public
       */
      shouldHandle(req) {
        if (this.options.path) {
          const index = req.url.indexOf("?");
          const pathname = index !== -1 ? req.url.slice(0, index) : req.url;
          if (pathname !== this.options.path) return false;
        }
        return true;
      }
      /**
       * Handle a HTTP Upgrade request.
       *
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @public
       */
      handleUpgrade(req, socket, head2, cb) {
        socket.on("error", socketOnError);
        const key2 = req.headers["sec-websocket-key"];
        const upgrade = req.headers.upgrade;
        const version = +req.headers["sec-websocket-version"];
        if (req.method !== "GET") {
          const message = "Invalid HTTP method";
          abortHandshakeOrEmitwsClientError(this, req, socket, 405, message);
          return;
        }
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          const message = "Invalid Upgrade header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (key2 === void 0 || !keyRegex.test(key2)) {
          const message = "Missing or invalid Sec-WebSocket-Key header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (version !== 13 && version !== 8) {
          const message = "Missing or invalid Sec-WebSocket-Version header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message, {
            "Sec-WebSocket-Version": "13, 8"
          });
          return;
        }
        if (!this.shouldHandle(req)) {
          abortHandshake2(socket, 400);
          return;
        }
        const secWebSocketProtocol = req.headers["sec-websocket-protocol"];
        let protocols = /* @__PURE__ */ new Set();
        if (secWebSocketProtocol !== void 0) {
          try {
            protocols = subprotocol2.parse(secWebSocketProtocol);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Protocol header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        const secWebSocketExtensions = req.headers["sec-websocket-extensions"];
        const extensions = {};
        if (this.options.perMessageDeflate && secWebSocketExtensions !== void 0) {
          const perMessageDeflate = new PerMessageDeflate2({
            ...this.options.perMessageDeflate,
            isServer: true,
            maxPayload: this.options.maxPayload
          });
          try {
            const offers = extension2.parse(secWebSocketExtensions);
            if (offers[PerMessageDeflate2.extensionName]) {
              perMessageDeflate.accept(offers[PerMessageDeflate2.extensionName]);
              extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
            }
          } catch (err) {
            const message = "Invalid or unacceptable Sec-WebSocket-Extensions header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        if (this.options.verifyClient) {
          const info = {
            origin: req.headers[`${version === 8 ? "sec-websocket-origin" : "origin"}`],
            secure: !!(req.socket.authorized || req.socket.encrypted),
            req
          };
          if (this.options.verifyClient.length === 2) {
            this.options.verifyClient(info, (verified, code, message, headers) => {
              if (!verified) {
                return abortHandshake2(socket, code || 401, message, headers);
              }
              this.completeUpgrade(
                extensions,
                key2,
                protocols,
                req,
                socket,
                head2,
                cb
              );
            });
            return;
          }
          if (!this.options.verifyClient(info)) return abortHandshake2(socket, 401);
        }
        this.completeUpgrade(extensions, key2, protocols, req, socket, head2, cb);
      }
      /**
       * Upgrade the connection to WebSocket.
       *
       * @param {Object} extensions The accepted extensions
       * @param {String} key The value of the `Sec-WebSocket-Key` header
       * @param {Set} protocols The subprotocols
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @throws {Error} If called more than once with the same socket
       * @private
       */
      completeUpgrade(extensions, key2, protocols, req, socket, head2, cb) {
        if (!socket.readable || !socket.writable) return socket.destroy();
        if (socket[kWebSocket]) {
          throw new Error(
            "server.handleUpgrade() was called more than once with the same socket, possibly due to a misconfiguration"
          );
        }
        if (this._state > RUNNING) return abortHandshake2(socket, 503);
        const digest = createHash2("sha1").update(key2 + GUID).digest("base64");
        const headers = [
          "HTTP/1.1 101 Switching Protocols",
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Accept: ${digest}`
        ];
        const ws = new this.options.WebSocket(null, void 0, this.options);
        if (protocols.size) {
          const protocol = this.options.handleProtocols ? this.options.handleProtocols(protocols, req) : protocols.values().next().value;
          if (protocol) {
            headers.push(`Sec-WebSocket-Protocol: ${protocol}`);
            ws._protocol = protocol;
          }
        }
        if (extensions[PerMessageDeflate2.extensionName]) {
          const params = extensions[PerMessageDeflate2.extensionName].params;
          const value = extension2.format({
            [PerMessageDeflate2.extensionName]: [params]
          });
          headers.push(`Sec-WebSocket-Extensions: ${value}`);
          ws._extensions = extensions;
        }
        this.emit("headers", headers, req);
        socket.write(headers.concat("\r\n").join("\r\n"));
        socket.removeListener("error", socketOnError);
        ws.setSocket(socket, head2, {
          allowSynchronousEvents: this.options.allowSynchronousEvents,
          maxBufferedChunks: this.options.maxBufferedChunks,
          maxFragments: this.options.maxFragments,
          maxPayload: this.options.maxPayload,
          skipUTF8Validation: this.options.skipUTF8Validation
        });
        if (this.clients) {
          this.clients.add(ws);
          ws.on("close", () => {
            this.clients.delete(ws);
            if (this._shouldEmitClose && !this.clients.size) {
              process.nextTick(emitClose, this);
            }
          });
        }
        cb(ws, req);
      }
    };
    module.exports = WebSocketServer2;
    function addListeners(server, map) {
      for (const event of Object.keys(map)) server.on(event, map[event]);
      return function removeListeners() {
        for (const event of Object.keys(map)) {
          server.removeListener(event, map[event]);
        }
      };
    }
    function emitClose(server) {
      server._state = CLOSED;
      server.emit("close");
    }
    function socketOnError() {
      this.destroy();
    }
    function abortHandshake2(socket, code, message, headers) {
      message = message || http.STATUS_CODES[code];
      headers = {
        Connection: "close",
        "Content-Type": "text/html",
        "Content-Length": Buffer.byteLength(message),
        ...headers
      };
      socket.once("finish", socket.destroy);
      socket.end(
        `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r
` + Object.keys(headers).map((h) => `${h}: ${headers[h]}`).join("\r\n") + "\r\n\r\n" + message
      );
    }
    function abortHandshakeOrEmitwsClientError(server, req, socket, code, message, headers) {
      if (server.listenerCount("wsClientError")) {
        const err = new Error(message);
        Error.captureStackTrace(err, abortHandshakeOrEmitwsClientError);
        server.emit("wsClientError", err, socket, req);
      } else {
        abortHandshake2(socket, code, message, headers);
      }
    }
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    module.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// node_modules/get-caller-file/index.js
var require_get_caller_file = __commonJS({
  "node_modules/get-caller-file/index.js"(exports, module) {
    "use strict";
    module.exports = function getCallerFile2(position) {
      if (position === void 0) {
        position = 2;
      }
      if (position >= Error.stackTraceLimit) {
        throw new TypeError("getCallerFile(position) requires position be less then Error.stackTraceLimit but position was: `" + position + "` and Error.stackTraceLimit was: `" + Error.stackTraceLimit + "`");
      }
      var oldPrepareStackTrace = Error.prepareStackTrace;
      Error.prepareStackTrace = function(_, stack2) {
        return stack2;
      };
      var stack = new Error().stack;
      Error.prepareStackTrace = oldPrepareStackTrace;
      if (stack !== null && typeof stack === "object") {
        return stack[position] ? stack[position].getFileName() : void 0;
      }
    };
  }
});

// src/main.ts
import { dirname as dirname3, resolve as resolve5 } from "node:path";
import { accessSync, constants, existsSync as existsSync2, readFileSync as readFileSync5 } from "node:fs";

// src/cli/ha-addon.ts
var import_ini = __toESM(require_ini(), 1);
var SUPERVISOR_ADDRESS = "172.30.32.2";
function addonIni(options, data = "/data", supervisorAddress = SUPERVISOR_ADDRESS) {
  const value = (v) => v === void 0 || v === null || v === "" ? void 0 : String(v);
  const config = {
    logging: {
      proxy: value(options.log_level) ?? "INFO",
      "websockets.client": value(options.log_level_websockets_client) ?? "INFO",
      "websockets.server": value(options.log_level_websockets_server) ?? "INFO"
    },
    host: {
      addr: value(options.host_addr) ?? "0.0.0.0",
      port: value(options.host_port) ?? "8321",
      watchdog_stale: value(options.watchdog_stale) ?? "500",
      watchdog_interval: value(options.watchdog_interval) ?? "100",
      ping_timeout: value(options.ping_timeout) ?? "60"
    },
    "ext-server": {
      server: value(options.primary_server),
      secondary_server: value(options.secondary_server),
      primary_rfid: value(options.primary_rfid),
      secondary_rfid: value(options.secondary_rfid)
    },
    // Ingress reaches the monitor from the Supervisor's network, not from loopback.
    web: {
      host: "0.0.0.0",
      port: value(options.web_port) ?? "8889",
      username: value(options.web_username),
      password: value(options.web_password),
      ingress_from: supervisorAddress
    },
    messages: { file: `${data}/ocpp_messages.log` },
    store: { path: `${data}/ocpp-proxy.db` },
    fixups: { url: String(options.fix_urls ?? true), timestamps: String(options.fix_timestamps ?? true) },
    autoconfig: {}
  };
  if (options.sharing_enabled === true) config.sharing = { enabled: "true" };
  const overrideEntity = value(options.ha_override_entity);
  const presenceSensor = value(options.ha_presence_sensor);
  if (overrideEntity !== void 0 || presenceSensor !== void 0) {
    config.homeassistant = {
      override_entity: overrideEntity,
      presence_sensor: presenceSensor,
      block_when_home: options.ha_block_when_home === void 0 ? void 0 : String(options.ha_block_when_home),
      notify: options.ha_notify === void 0 ? void 0 : String(options.ha_notify)
    };
  }
  if (config["ext-server"].server === void 0) config.upstream = { local: { role: "local" } };
  if (options.autoconfig_lock === true) config.autoconfig.lock = "true";
  for (const line of options.autoconfig ?? []) {
    const at2 = line.indexOf("=");
    if (at2 <= 0) throw new Error(`autoconfig entry '${line}' is not Key=value`);
    config.autoconfig[line.slice(0, at2).trim()] = line.slice(at2 + 1).trim();
  }
  for (const section of Object.values(config)) for (const key2 of Object.keys(section)) if (section[key2] === void 0) delete section[key2];
  return `; written by the Home Assistant add-on from its options; edit the options, not this file
${import_ini.default.stringify(config, { whitespace: true })}`;
}

// src/cli/demo.ts
import { createServer as createServer3 } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// node_modules/ws/wrapper.mjs
var import_stream = __toESM(require_stream(), 1);
var import_extension = __toESM(require_extension(), 1);
var import_permessage_deflate = __toESM(require_permessage_deflate(), 1);
var import_receiver = __toESM(require_receiver(), 1);
var import_sender = __toESM(require_sender(), 1);
var import_subprotocol = __toESM(require_subprotocol(), 1);
var import_websocket = __toESM(require_websocket(), 1);
var import_websocket_server = __toESM(require_websocket_server(), 1);

// src/config/load-config.ts
var import_ini2 = __toESM(require_ini(), 1);
import { existsSync, readFileSync } from "node:fs";

// src/config/suggest.ts
function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
function closest(name, known) {
  const wanted = name.toLowerCase();
  let best = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance > 0 && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : null;
}
function didYouMean(name, known, format3 = (s) => s) {
  const match = closest(name, known);
  return match === null ? "" : `; did you mean ${format3(match)}?`;
}

// src/config/config.ts
function receivesOnly(role) {
  return role === "observer" || role === "reporter";
}
var DEFAULT_CONFIG_FILE = "./ocpp-2w-proxy.ini";
var INSTALLED_CONFIG_FILE = "/etc/ocpp-proxy/ocpp-2w-proxy.ini";
var DEFAULT_TARGET_PORT = 8887;
var DEFAULTS = {
  listen: { host: "0.0.0.0", port: 8888, certChain: null, certKey: null },
  timeouts: {
    pingInterval: 30,
    pingTimeout: 60,
    watchdogStale: 500,
    watchdogInterval: 100,
    callTimeout: 30,
    primaryGrace: 0,
    handshake: 10
  },
  maxMessageSize: 1024 * 1024,
  versionDetection: "off",
  defaultProtocol: null,
  queueLimit: 50,
  outbox: { days: 30, alertSeconds: 3600 },
  backlogLimit: 1e3,
  backlogBytes: 4 * 1024 * 1024,
  chargerRate: 256 * 1024,
  chargerAuth: { required: false, hashes: /* @__PURE__ */ new Map() },
  web: { host: "127.0.0.1", port: 8889, username: null, password: null, buffer: 500, showIdTags: false, ingressFrom: [], allowedHosts: [], liveClients: 50 },
  messageLogFile: "./ocpp_messages.log",
  messageLogMaxBytes: 0,
  messageLogFormat: "jsonl",
  logLevels: { proxy: "INFO", client: "INFO", server: "INFO" },
  fixups: { url: true, timestamps: true, idTagMaxLength: null, powerScale: null, powerMeasurands: ["Power.Active.Import"] },
  autoconfig: [],
  autoconfigLock: false,
  charging: { merge: true, volts: 230, phases: 3 },
  configuration: {
    views: true,
    unionKeys: ["MeterValuesSampledData", "MeterValuesAlignedData", "StopTxnSampledData", "StopTxnAlignedData"],
    minKeys: ["MeterValueSampleInterval", "ClockAlignedDataInterval"],
    exclusive: null
  },
  statePath: "./ocpp-proxy.db",
  sharing: { enabled: false, sharedControl: false, preferred: null, lease: 300, rateLimitSeconds: 0, allowed: [], blocked: [], primaryAlways: false },
  homeAssistant: { url: null, token: null, presenceSensor: null, overrideEntity: null, blockWhenHome: false, staleAfter: 300, pollInterval: 10, notify: true },
  backends: [],
  prices: /* @__PURE__ */ new Map(),
  local: { acceptTags: [], heartbeatInterval: 300 }
};

// src/ocpp/wire-table.ts
function wireTable(entries) {
  return Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), entries));
}

// src/config/ini-schema.ts
var ValueError = class extends Error {
};
function text(value) {
  if (value === void 0) throw new ValueError("missing value");
  return typeof value === "boolean" ? String(value) : value.trim();
}
var coerce = {
  string(value) {
    return text(value);
  },
  nonEmpty(value) {
    const s = text(value);
    if (s === "") throw new ValueError("must not be empty");
    return s;
  },
  host(value) {
    const s = text(value);
    if (s === "" || /[\s/]/.test(s)) throw new ValueError(`'${s}' is not a host name or address`);
    return s;
  },
  port(value) {
    return integer(value, 1, 65535, "a port (1-65535)");
  },
  portOrOff(value) {
    return integer(value, 0, 65535, "a port (1-65535, or 0 for off)");
  },
  phases(value) {
    return integer(value, 1, 3, "a number of phases (1, 2 or 3)");
  },
  count(value) {
    return integer(value, 1, 1e9, "a positive whole number");
  },
  logFormat(value) {
    const s = text(value).toLowerCase();
    if (s === "jsonl" || s === "text") return s;
    throw new ValueError(`'${text(value)}' is not a message log format (jsonl or text)`);
  },
  /** A limit where 0 means none. */
  limit(value) {
    return integer(value, 0, 1e12, "a whole number >= 0 (0: no limit)");
  },
  price(value) {
    const s = text(value);
    const n = Number(s);
    if (s === "" || !Number.isFinite(n) || n < 0) throw new ValueError(`'${s}' is not a price (a number >= 0)`);
    return n;
  },
  httpUrl(value) {
    const s = text(value);
    let url;
    try {
      url = new URL(s);
    } catch {
      throw new ValueError(`'${s}' is not a URL (expected http://HOST:8123)`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ValueError(`'${s}' must start with http:// or https://`);
    return s.replace(/\/+$/, "");
  },
  detection(value) {
    const s = text(value).toLowerCase();
    if (s === "off" || s === "lenient") return s;
    throw new ValueError(`'${text(value)}' is not off or lenient`);
  },
  protocol(value) {
    const s = text(value);
    if (s === "ocpp1.6" || s === "ocpp2.0.1" || s === "ocpp2.1") return s;
    throw new ValueError(`'${s}' is not ocpp1.6, ocpp2.0.1 or ocpp2.1`);
  },
  positive(value) {
    const s = text(value);
    const n = Number(s);
    if (s === "" || !Number.isFinite(n) || n <= 0) throw new ValueError(`'${s}' is not a positive number`);
    return n;
  },
  seconds(value) {
    const s = text(value);
    const n = Number(s);
    if (s === "" || !Number.isFinite(n) || n < 0) throw new ValueError(`'${s}' is not a number of seconds (>= 0)`);
    return n;
  },
  bool(value) {
    if (typeof value === "boolean") return value;
    const s = text(value).toLowerCase();
    if (["true", "yes", "on", "1"].includes(s)) return true;
    if (["false", "no", "off", "0"].includes(s)) return false;
    throw new ValueError(`'${s}' is not true or false`);
  },
  url(value) {
    const s = text(value);
    let url;
    try {
      url = new URL(s);
    } catch {
      throw new ValueError(`'${s}' is not a URL (expected ws://HOST[:PORT][/PATH] or wss://\u2026)`);
    }
    if (url.protocol !== "ws:" && url.protocol !== "wss:") {
      throw new ValueError(`'${s}' must start with ws:// or wss://`);
    }
    if (url.hash !== "") throw new ValueError(`'${s}' must not have a #fragment`);
    return s;
  },
  list(value) {
    return text(value).split(",").map((item) => item.trim()).filter((item) => item !== "");
  },
  /** `CARD1:ERE1, CARD2:ERE2`: the charger's id tag and the one an upstream sees (matched case-insensitively). */
  idtagMap(value) {
    const pairs = [];
    for (const item of coerce.list(value)) {
      const [from, to, extra] = item.split(":").map((part) => part.trim());
      if (!from || !to || extra !== void 0) throw new ValueError(`'${item}' is not CHARGER_TAG:UPSTREAM_TAG`);
      if (pairs.some(([known]) => known.toUpperCase() === from.toUpperCase())) throw new ValueError(`'${from}' is mapped twice`);
      pairs.push([from, to]);
    }
    return pairs;
  },
  /** A list matched case-insensitively (RFID tags): upper-cased. */
  upperList(value) {
    return coerce.list(value).map((item) => item.toUpperCase());
  },
  level(value) {
    const s = text(value).toUpperCase();
    if (s === "DEBUG" || s === "INFO" || s === "ERROR") return s;
    if (s === "WARNING" || s === "WARN") return "WARNING";
    if (s === "CRITICAL" || s === "FATAL") return "ERROR";
    throw new ValueError(`'${text(value)}' is not a log level (DEBUG, INFO, WARNING, ERROR)`);
  },
  auth(value) {
    const s = text(value).toLowerCase();
    if (s === "forward" || s === "basic" || s === "none") return s;
    throw new ValueError(`'${text(value)}' is not an auth mode (forward, basic, none)`);
  },
  role(value) {
    const s = text(value).toLowerCase();
    if (s === "primary" || s === "secondary" || s === "observer" || s === "reporter" || s === "local") return s;
    throw new ValueError(`'${text(value)}' is not a role (primary, secondary, observer, reporter, local)`);
  }
};
function integer(value, min, max, what) {
  const s = text(value);
  if (!/^\d+$/.test(s)) throw new ValueError(`'${s}' is not ${what}`);
  const n = Number(s);
  if (n < min || n > max) throw new ValueError(`'${s}' is not ${what}`);
  return n;
}
var UPSTREAM_KEYS = wireTable({
  url: coerce.url,
  role: coerce.role,
  rfid: coerce.list,
  allow_actions: coerce.list,
  deny_actions: coerce.list,
  auth: coerce.auth,
  username: coerce.nonEmpty,
  password: coerce.string,
  charger_id: coerce.nonEmpty,
  ca: coerce.nonEmpty,
  cert: coerce.nonEmpty,
  key: coerce.nonEmpty,
  insecure: coerce.bool,
  price_per_kwh: coerce.price,
  idtag_map: coerce.idtagMap,
  idtag: coerce.nonEmpty,
  protocol: coerce.protocol
});
var BACKEND_KEYS = wireTable({
  token: coerce.nonEmpty,
  price_per_kwh: coerce.price
});
var FREE_FORM_SECTIONS = /* @__PURE__ */ new Set(["logging", "autoconfig", "chargers"]);

// src/config/settings.ts
var key = (section, name, convert2, lands, cli) => {
  const setting = { section, key: name, coerce: convert2, lands };
  if (cli !== void 0) setting.cli = cli;
  return setting;
};
var SETTINGS = [
  key("host", "addr", coerce.host, ["listen", "host"], { option: "listenHost", flag: "--listen-host" }),
  key("host", "port", coerce.port, ["listen", "port"], { option: "listenPort", flag: "--listen-port" }),
  key("host", "cert_chain", coerce.nonEmpty, ["listen", "certChain"]),
  key("host", "cert_key", coerce.nonEmpty, ["listen", "certKey"]),
  key("host", "ping_interval", coerce.seconds, ["timeouts", "pingInterval"]),
  key("host", "ping_timeout", coerce.seconds, ["timeouts", "pingTimeout"]),
  key("host", "watchdog_stale", coerce.seconds, ["timeouts", "watchdogStale"]),
  key("host", "watchdog_interval", coerce.seconds, ["timeouts", "watchdogInterval"]),
  key("host", "call_timeout", coerce.seconds, ["timeouts", "callTimeout"]),
  key("host", "primary_grace", coerce.seconds, ["timeouts", "primaryGrace"]),
  key("host", "handshake_timeout", coerce.positive, ["timeouts", "handshake"]),
  key("host", "max_message_size", coerce.count, ["maxMessageSize"]),
  key("host", "queue_limit", coerce.count, ["queueLimit"]),
  key("host", "outbox_days", coerce.count, ["outbox", "days"]),
  key("host", "outbox_alert", coerce.seconds, ["outbox", "alertSeconds"]),
  key("host", "backlog_limit", coerce.count, ["backlogLimit"]),
  key("host", "backlog_bytes", coerce.count, ["backlogBytes"]),
  key("host", "charger_rate", coerce.limit, ["chargerRate"]),
  key("host", "require_auth", coerce.bool, ["chargerAuth", "required"]),
  key("host", "version_detection", coerce.detection, ["versionDetection"]),
  key("host", "default_protocol", coerce.protocol, ["defaultProtocol"]),
  key("ext-server", "server", coerce.url, null),
  key("ext-server", "secondary_server", coerce.string, null),
  // empty means 1-way mode; checked as a URL when set
  key("ext-server", "primary_protocol", coerce.protocol, null),
  key("ext-server", "secondary_protocol", coerce.protocol, null),
  key("ext-server", "primary_rfid", coerce.list, null),
  key("ext-server", "secondary_rfid", coerce.list, null),
  key("ext-server", "secondary_deny_actions", coerce.list, null),
  key("ext-server", "default_owner", coerce.nonEmpty, null),
  key("ext-server", "primary_price_per_kwh", coerce.price, null),
  key("ext-server", "secondary_price_per_kwh", coerce.price, null),
  key("web", "host", coerce.host, ["web", "host"], { option: "webHost", flag: "--web-host" }),
  key("web", "port", coerce.portOrOff, ["web", "port"], { option: "webPort", flag: "--web-port" }),
  key("web", "username", coerce.string, ["web", "username"]),
  key("web", "password", coerce.string, ["web", "password"]),
  key("web", "buffer", coerce.count, ["web", "buffer"]),
  key("web", "show_idtags", coerce.bool, ["web", "showIdTags"]),
  key("web", "ingress_from", coerce.list, ["web", "ingressFrom"]),
  key("web", "allowed_hosts", coerce.list, ["web", "allowedHosts"]),
  key("web", "live_clients", coerce.count, ["web", "liveClients"]),
  key("messages", "file", coerce.nonEmpty, ["messageLogFile"], { option: "logFile", flag: "--log-file" }),
  key("messages", "max_size", coerce.limit, ["messageLogMaxBytes"]),
  key("messages", "format", coerce.logFormat, ["messageLogFormat"], { option: "logFormat", flag: "--log-format" }),
  key("local", "accept_tags", coerce.upperList, ["local", "acceptTags"]),
  key("local", "heartbeat_interval", coerce.count, ["local", "heartbeatInterval"]),
  key("fixups", "url", coerce.bool, ["fixups", "url"]),
  key("fixups", "timestamps", coerce.bool, ["fixups", "timestamps"]),
  key("fixups", "idtag_max_length", coerce.count, ["fixups", "idTagMaxLength"]),
  key("fixups", "power_scale", coerce.positive, ["fixups", "powerScale"]),
  key("fixups", "power_measurands", coerce.list, ["fixups", "powerMeasurands"]),
  key("configuration", "views", coerce.bool, ["configuration", "views"]),
  key("configuration", "union_keys", coerce.list, ["configuration", "unionKeys"]),
  key("configuration", "min_keys", coerce.list, ["configuration", "minKeys"]),
  key("configuration", "exclusive", coerce.nonEmpty, null),
  key("charging", "merge", coerce.bool, ["charging", "merge"]),
  key("charging", "volts", coerce.positive, ["charging", "volts"]),
  key("charging", "phases", coerce.phases, ["charging", "phases"]),
  key("store", "path", coerce.nonEmpty, ["statePath"], { option: "state", flag: "--state" }),
  key("sharing", "enabled", coerce.bool, ["sharing", "enabled"]),
  key("sharing", "shared_control", coerce.bool, ["sharing", "sharedControl"]),
  key("sharing", "preferred", coerce.nonEmpty, ["sharing", "preferred"]),
  key("sharing", "lease", coerce.seconds, ["sharing", "lease"]),
  key("sharing", "rate_limit_seconds", coerce.seconds, ["sharing", "rateLimitSeconds"]),
  key("sharing", "allowed", coerce.list, ["sharing", "allowed"]),
  key("sharing", "blocked", coerce.list, ["sharing", "blocked"]),
  key("sharing", "primary_always", coerce.bool, ["sharing", "primaryAlways"]),
  key("homeassistant", "url", coerce.httpUrl, ["homeAssistant", "url"]),
  key("homeassistant", "token", coerce.nonEmpty, ["homeAssistant", "token"]),
  key("homeassistant", "presence_sensor", coerce.nonEmpty, ["homeAssistant", "presenceSensor"]),
  key("homeassistant", "override_entity", coerce.nonEmpty, ["homeAssistant", "overrideEntity"]),
  key("homeassistant", "block_when_home", coerce.bool, ["homeAssistant", "blockWhenHome"]),
  key("homeassistant", "stale_after", coerce.seconds, ["homeAssistant", "staleAfter"]),
  key("homeassistant", "poll_interval", coerce.positive, ["homeAssistant", "pollInterval"]),
  key("homeassistant", "notify", coerce.bool, ["homeAssistant", "notify"])
];
var SECTION_KEYS = (() => {
  const sections = /* @__PURE__ */ Object.create(null);
  for (const setting of SETTINGS) (sections[setting.section] ??= /* @__PURE__ */ Object.create(null))[setting.key] = setting.coerce;
  return sections;
})();
function setAt(target2, path, value) {
  let node = target2;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path.at(-1)] = value;
}

// src/auth/charger-auth.ts
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
var DEFAULT_N = 16384;
var DEFAULT_R = 8;
var DEFAULT_P = 1;
var SALT_BYTES = 16;
var KEY_BYTES = 32;
var MAX_SCRYPT_MEMORY = 64 * 1024 * 1024;
var MAX_P = 16;
var MIN_SALT_BYTES = 8;
var MIN_HASH_BYTES = 16;
var MAX_HASH_BYTES = 64;
var BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
var DECIMAL = /^[1-9][0-9]{0,9}$/;
var BASIC = /^basic[ \t]+(\S*)[ \t]*$/i;
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function scryptMemory(N, r, p) {
  return 128 * r * (N + 2 + p);
}
function deriveKey(password, salt, keyLength, N, r, p) {
  return new Promise((resolve6, reject) => {
    scrypt(password, salt, keyLength, { N, r, p, maxmem: MAX_SCRYPT_MEMORY }, (error, key2) => error ? reject(error) : resolve6(key2));
  });
}
async function hashPassword(password) {
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, KEY_BYTES, DEFAULT_N, DEFAULT_R, DEFAULT_P);
  return ["scrypt", DEFAULT_N, DEFAULT_R, DEFAULT_P, salt.toString("base64"), hash.toString("base64")].join("$");
}
function decodeBase64(text3) {
  return text3 !== "" && BASE64.test(text3) ? Buffer.from(text3, "base64") : null;
}
function parseStoredHash(text3) {
  const parts = text3.trim().split("$");
  if (parts.length !== 6) return null;
  const [scheme, nText, rText, pText, saltText, hashText] = parts;
  if (scheme !== "scrypt" || !DECIMAL.test(nText) || !DECIMAL.test(rText) || !DECIMAL.test(pText)) return null;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (N < 2 || (N & N - 1) !== 0 || p > MAX_P || scryptMemory(N, r, p) > MAX_SCRYPT_MEMORY) return null;
  const salt = decodeBase64(saltText);
  const hash = decodeBase64(hashText);
  if (salt === null || hash === null) return null;
  if (salt.length < MIN_SALT_BYTES || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) return null;
  return { N, r, p, salt, hash };
}
function parseBasicAuth(header2) {
  if (header2 === void 0) return null;
  const match = BASIC.exec(header2.trim());
  const decoded = match?.[1] === void 0 ? null : decodeBase64(match[1]);
  if (decoded === null) return null;
  const colon = decoded.indexOf(58);
  if (colon === -1) return null;
  let username;
  try {
    username = utf8.decode(decoded.subarray(0, colon));
  } catch {
    return null;
  }
  return { username, password: Buffer.from(decoded.subarray(colon + 1)) };
}
async function verifyPassword(password, stored) {
  if (stored.hash.length === 0) return false;
  const derived = await deriveKey(password, stored.salt, stored.hash.length, stored.N, stored.r, stored.p);
  if (derived.length !== stored.hash.length) return false;
  return timingSafeEqual(derived, stored.hash);
}

// src/config/ini-reader.ts
var CLI = "command line";
function formatProblem(p) {
  if (p.file === CLI) return p.key === null ? `${CLI}: ${p.message}` : `${CLI}: ${p.key}: ${p.message}`;
  const where = [p.section === null ? "" : `[${p.section}]`, p.key ?? ""].filter((s) => s !== "").join(" ");
  return where === "" ? `${p.file}: ${p.message}` : `${p.file}: ${where}: ${p.message}`;
}
var IniReader = class {
  file;
  sections;
  problems;
  constructor(file, sections, problems) {
    this.file = file;
    this.sections = sections;
    this.problems = problems;
  }
  section(name) {
    const section = this.sections[name];
    return typeof section === "object" ? section : void 0;
  }
  /** A key's typed value, undefined when absent or invalid (then a problem is recorded). */
  get(sectionName, key2, convert2, section = this.section(sectionName)) {
    const value = section?.[key2];
    if (value === void 0) return void 0;
    if (typeof value === "object") {
      this.problems.push({ file: this.file, section: sectionName, key: key2, message: "is not a plain value" });
      return void 0;
    }
    try {
      return convert2(value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: this.file, section: sectionName, key: key2, message: error.message });
      return void 0;
    }
  }
  checkKeys(sectionName, table, section = this.section(sectionName), shownName = sectionName) {
    if (section === void 0) {
      if (this.sections[sectionName] !== void 0) {
        this.problems.push({ file: this.file, section: null, key: sectionName, message: "is a key outside any section" });
      }
      return;
    }
    for (const key2 of Object.keys(section)) {
      if (table[key2] === void 0) this.problems.push({ file: this.file, section: shownName, key: key2, message: `unknown key${didYouMean(key2, Object.keys(table))}` });
    }
  }
  /** `[upstream.NAME]` sections; `ini` nests dotted section names, so flatten them back. */
  upstreamSections() {
    const found = [];
    const walk = (prefix, node) => {
      const values = Object.entries(node).filter(([, v]) => typeof v !== "object");
      if (values.length > 0 || Object.keys(node).length === 0) {
        found.push([prefix, node]);
        this.checkKeys(`upstream.${prefix}`, UPSTREAM_KEYS, node);
      }
      for (const [key2, child] of Object.entries(node)) {
        if (typeof child === "object") walk(prefix === "" ? key2 : `${prefix}.${key2}`, child);
      }
    };
    const root = this.section("upstream");
    if (root !== void 0) {
      if (Object.values(root).some((v) => typeof v !== "object")) {
        this.problems.push({ file: this.file, section: "upstream", key: null, message: "must be named: [upstream.NAME]" });
      }
      for (const [key2, child] of Object.entries(root)) if (typeof child === "object") walk(key2, child);
    }
    return found;
  }
  logLevels() {
    const levels = { ...DEFAULTS.logLevels };
    const names = wireTable({
      proxy: "proxy",
      "websockets.client": "client",
      "websockets.server": "server"
    });
    const section = this.section("logging");
    for (const key2 of Object.keys(section ?? {})) {
      const level = this.get("logging", key2, coerce.level);
      const target2 = names[key2];
      if (level !== void 0 && target2 !== void 0) levels[target2] = level;
    }
    return levels;
  }
  /** `[backend.NAME]` sections of the event API. */
  backends() {
    const root = this.section("backend");
    const backends = [];
    for (const [name, node] of Object.entries(root ?? {})) {
      if (typeof node !== "object") {
        this.problems.push({ file: this.file, section: "backend", key: null, message: "must be named: [backend.NAME]" });
        continue;
      }
      const where = `backend.${name}`;
      this.checkKeys(where, BACKEND_KEYS, node);
      const token = this.get(where, "token", coerce.nonEmpty, node);
      if (token === void 0) {
        if (node.token === void 0) this.problems.push({ file: this.file, section: where, key: "token", message: "missing (each backend needs its own token)" });
        continue;
      }
      backends.push({ name, token, pricePerKwh: this.get(where, "price_per_kwh", coerce.price, node) ?? null });
    }
    return backends;
  }
  /** `[chargers] ID = scrypt$…`: the charger ids allowed to connect and their password hashes. */
  chargerHashes() {
    const hashes = /* @__PURE__ */ new Map();
    for (const id of Object.keys(this.section("chargers") ?? {})) {
      const hash = this.get("chargers", id, coerce.string);
      if (hash === void 0) continue;
      if (parseStoredHash(hash) === null) {
        this.problems.push({ file: this.file, section: "chargers", key: id, message: "is not a hash from `ocpp-proxy hash-password`" });
        continue;
      }
      hashes.set(id, hash);
    }
    return hashes;
  }
  autoconfig() {
    const section = this.section("autoconfig") ?? {};
    const pairs = [];
    for (const key2 of Object.keys(section)) {
      if (key2 === "lock") continue;
      const value = this.get("autoconfig", key2, coerce.string);
      if (value !== void 0) pairs.push([key2, value]);
    }
    return pairs;
  }
};
var CliReader = class {
  problems;
  constructor(problems) {
    this.problems = problems;
  }
  value(flag, value, convert2) {
    if (value === void 0) return void 0;
    try {
      return convert2(String(value));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: CLI, section: null, key: flag, message: error.message });
      return void 0;
    }
  }
};

// src/config/load-config.ts
function readerOptions(options, installedConfig = INSTALLED_CONFIG_FILE) {
  if (options.config !== void 0 || existsSync(DEFAULT_CONFIG_FILE) || !existsSync(installedConfig)) return options;
  return { ...options, config: installedConfig };
}
function loadConfig(cli, env3 = process.env) {
  const problems = [];
  let configFile = null;
  let sections = {};
  if (cli.config !== void 0) {
    configFile = cli.config;
    if (!existsSync(configFile)) {
      problems.push({ file: configFile, section: null, key: null, message: "configuration file not found" });
      return { config: null, problems, unreadable: true };
    }
  } else if (existsSync(DEFAULT_CONFIG_FILE)) {
    configFile = DEFAULT_CONFIG_FILE;
  }
  if (configFile !== null) {
    try {
      sections = import_ini2.default.parse(withoutHeaderComments(readFileSync(configFile, "utf8")));
    } catch (error) {
      problems.push({ file: configFile, section: null, key: null, message: `cannot be read: ${error.message}` });
      return { config: null, problems, unreadable: true };
    }
  }
  const file = configFile ?? CLI;
  const reader = new IniReader(file, sections, problems);
  const fromCli = new CliReader(problems);
  const upstreamSections = reader.upstreamSections();
  for (const [name, value] of Object.entries(sections)) {
    if (typeof value !== "object") {
      problems.push({ file, section: null, key: name, message: "is outside any section" });
      continue;
    }
    if (name === "upstream" || name === "backend" || SECTION_KEYS[name] !== void 0 || FREE_FORM_SECTIONS.has(name)) continue;
    problems.push({ file, section: name, key: null, message: `unknown section${didYouMean(name, [...Object.keys(SECTION_KEYS), ...FREE_FORM_SECTIONS], (s) => `[${s}]`)}` });
  }
  for (const [name, table] of Object.entries(SECTION_KEYS)) reader.checkKeys(name, table);
  const levels = reader.logLevels();
  const cliLevel = cli.debug === true ? "DEBUG" : fromCli.value("--log-level", cli.logLevel, coerce.level);
  if (cliLevel !== void 0) levels.proxy = cliLevel;
  const config = {
    ...structuredClone(DEFAULTS),
    configFile,
    upstreams: [],
    defaultOwner: "primary"
  };
  for (const setting of SETTINGS) {
    if (setting.lands === null) continue;
    const fromCommandLine = setting.cli === void 0 ? void 0 : fromCli.value(setting.cli.flag, cli[setting.cli.option], setting.coerce);
    const fromFile = reader.get(setting.section, setting.key, setting.coerce);
    const value = fromCommandLine ?? fromFile;
    if (value !== void 0) setAt(config, setting.lands, value);
  }
  config.logLevels = levels;
  config.chargerAuth.hashes = reader.chargerHashes();
  config.autoconfig = reader.autoconfig();
  config.autoconfigLock = reader.get("autoconfig", "lock", coerce.bool) ?? DEFAULTS.autoconfigLock;
  config.backends = reader.backends();
  if (config.chargerAuth.required && config.chargerAuth.hashes.size === 0) {
    problems.push({ file, section: "host", key: "require_auth", message: "no charger is listed in [chargers] (ID = hash from `ocpp-proxy hash-password`)" });
  }
  if (config.listen.certChain === null !== (config.listen.certKey === null)) {
    const missing = config.listen.certChain === null ? "cert_chain" : "cert_key";
    problems.push({ file, section: "host", key: missing, message: "cert_chain and cert_key must be set together" });
  }
  config.upstreams = resolveUpstreams(cli, reader, fromCli, upstreamSections, problems);
  resolveSharing(config, reader, upstreamSections, env3, problems);
  const primaryName = config.upstreams.find((u) => u.role === "primary")?.name ?? "primary";
  const defaultOwner = reader.get("ext-server", "default_owner", coerce.nonEmpty);
  config.defaultOwner = defaultOwner ?? primaryName;
  if (defaultOwner !== void 0 && !config.upstreams.some((u) => u.name === defaultOwner && !receivesOnly(u.role))) {
    problems.push({ file, section: "ext-server", key: "default_owner", message: `'${defaultOwner}' is not the name of a primary or secondary upstream` });
  }
  const claimed = /* @__PURE__ */ new Map();
  for (const upstream of config.upstreams) {
    for (const tag of upstream.rfid) {
      const other = claimed.get(tag);
      if (other !== void 0 && other !== upstream.name) {
        problems.push({ file, section: upstream.name === "primary" || upstream.name === "secondary" ? "ext-server" : `upstream.${upstream.name}`, key: upstream.name === "secondary" ? "secondary_rfid" : upstream.name === "primary" ? "primary_rfid" : "rfid", message: `tag ${tag} is already owned by ${other}` });
      }
      claimed.set(tag, upstream.name);
    }
    if (receivesOnly(upstream.role) && upstream.rfid.length > 0) {
      problems.push({ file, section: `upstream.${upstream.name}`, key: "rfid", message: `an ${upstream.role} cannot own sessions` });
    }
  }
  return { config: problems.length === 0 ? config : null, problems, unreadable: false };
}
function resolveSharing(config, reader, upstreamSections, env3, problems) {
  const file = reader.file;
  const primaryPrice = reader.get("ext-server", "primary_price_per_kwh", coerce.price);
  const secondaryPrice = reader.get("ext-server", "secondary_price_per_kwh", coerce.price);
  for (const upstream of config.upstreams) {
    if (upstream.name === "primary" && primaryPrice !== void 0) config.prices.set("primary", primaryPrice);
    if (upstream.name === "secondary" && secondaryPrice !== void 0) config.prices.set("secondary", secondaryPrice);
  }
  for (const [name, section] of upstreamSections) {
    const price = reader.get(`upstream.${name}`, "price_per_kwh", coerce.price, section);
    if (price !== void 0) config.prices.set(name, price);
  }
  for (const backend of config.backends) {
    if (backend.pricePerKwh !== null) config.prices.set(backend.name, backend.pricePerKwh);
    if (config.upstreams.some((u) => u.name === backend.name)) {
      problems.push({ file, section: `backend.${backend.name}`, key: null, message: "a backend cannot have the name of an upstream" });
    }
  }
  const known = /* @__PURE__ */ new Set([...config.upstreams.map((u) => u.name), ...config.backends.map((b) => b.name)]);
  const { sharing, homeAssistant } = config;
  const exclusive = reader.get("configuration", "exclusive", coerce.nonEmpty);
  if (exclusive !== void 0 && exclusive.toLowerCase() !== "none") {
    if (config.upstreams.some((u) => u.name === exclusive)) config.configuration.exclusive = exclusive;
    else problems.push({ file, section: "configuration", key: "exclusive", message: `'${exclusive}' is not an upstream (none, or an upstream's name)` });
  }
  for (const [key2, names] of [["preferred", sharing.preferred === null ? [] : [sharing.preferred]], ["allowed", sharing.allowed], ["blocked", sharing.blocked]]) {
    for (const name of names) if (!known.has(name)) problems.push({ file, section: "sharing", key: key2, message: `'${name}' is not an upstream or backend` });
  }
  const wantsBridge = homeAssistant.url !== null || homeAssistant.presenceSensor !== null || homeAssistant.overrideEntity !== null;
  const supervisorToken = env3.SUPERVISOR_TOKEN;
  if (wantsBridge && homeAssistant.token === null && supervisorToken !== void 0 && supervisorToken !== "") {
    homeAssistant.token = supervisorToken;
    homeAssistant.url ??= env3.OCPP_PROXY_SUPERVISOR_URL ?? "http://supervisor/core";
  }
  if (wantsBridge && homeAssistant.url === null) {
    problems.push({ file, section: "homeassistant", key: "url", message: "the Home Assistant URL is needed (e.g. http://homeassistant.local:8123), or run as the add-on" });
  }
  if (homeAssistant.url !== null && homeAssistant.token === null) {
    problems.push({ file, section: "homeassistant", key: "token", message: "a long-lived access token is needed (or run as the add-on)" });
  }
  if (homeAssistant.url !== null && homeAssistant.presenceSensor === null && homeAssistant.overrideEntity === null) {
    problems.push({ file, section: "homeassistant", key: "override_entity", message: "set override_entity and/or presence_sensor" });
  }
}
function withoutHeaderComments(text3) {
  return text3.replace(/^(\s*\[[^\]\r\n]*\])[ \t]*[;#][^\r\n]*$/gm, "$1");
}
function resolveUpstreams(cli, reader, fromCli, upstreamSections, problems) {
  const file = reader.file;
  const upstreams = [];
  const extRfid = (key2) => (reader.get("ext-server", key2, coerce.list) ?? []).map((t) => t.toUpperCase());
  const add = (name, url, role, rfid = [], deny = [], allow = []) => {
    const upstream = {
      name,
      url,
      role,
      rfid,
      allowActions: allow,
      denyActions: deny,
      auth: role === "primary" ? "forward" : "none",
      username: null,
      password: null,
      chargerId: null,
      ca: null,
      cert: null,
      key: null,
      insecure: false,
      local: false,
      idtagMap: [],
      idtag: null,
      protocol: null
    };
    upstreams.push(upstream);
    return upstream;
  };
  if (cli.primary !== void 0 && (cli.targetHost !== void 0 || cli.targetPort !== void 0)) {
    problems.push({ file: CLI, section: null, key: "--primary", message: "cannot be combined with --target-host/--target-port" });
  }
  let primaryUrl = fromCli.value("--primary", cli.primary, coerce.url);
  if (primaryUrl === void 0 && (cli.targetHost !== void 0 || cli.targetPort !== void 0)) {
    const host = fromCli.value("--target-host", cli.targetHost, coerce.host) ?? "127.0.0.1";
    const port = fromCli.value("--target-port", cli.targetPort, coerce.port) ?? DEFAULT_TARGET_PORT;
    primaryUrl = `ws://${host.includes(":") ? `[${host}]` : host}:${port}`;
  }
  const primaryFromCli = primaryUrl !== void 0;
  primaryUrl ??= reader.get("ext-server", "server", coerce.url);
  if (primaryUrl !== void 0) add("primary", primaryUrl, "primary", extRfid("primary_rfid")).protocol = reader.get("ext-server", "primary_protocol", coerce.protocol) ?? null;
  const secondaryUrls = [];
  if (cli.secondary !== void 0 && cli.secondary.length > 0) {
    for (const url of cli.secondary) {
      const checked = fromCli.value("--secondary", url, coerce.url);
      if (checked !== void 0) secondaryUrls.push(checked);
    }
  } else {
    const configured = reader.get("ext-server", "secondary_server", coerce.string);
    if (configured !== void 0 && configured !== "") {
      try {
        secondaryUrls.push(coerce.url(configured));
      } catch (error) {
        problems.push({ file, section: "ext-server", key: "secondary_server", message: error.message });
      }
    }
  }
  const secondaryDeny = reader.get("ext-server", "secondary_deny_actions", coerce.list) ?? [];
  const secondaryProtocol = reader.get("ext-server", "secondary_protocol", coerce.protocol) ?? null;
  secondaryUrls.forEach((url, i) => {
    add(i === 0 ? "secondary" : `secondary${i + 1}`, url, "secondary", i === 0 ? extRfid("secondary_rfid") : [], secondaryDeny).protocol = secondaryProtocol;
  });
  for (const [name, section] of upstreamSections) {
    const where = `upstream.${name}`;
    if (["primary", "proxy", "charger"].includes(name) || upstreams.some((u) => u.name === name)) {
      problems.push({ file, section: where, key: null, message: `upstream name '${name}' is reserved or already used` });
      continue;
    }
    const configuredRole = reader.get(where, "role", coerce.role, section) ?? "secondary";
    const isLocal = configuredRole === "local";
    const role = isLocal ? "primary" : configuredRole;
    const url = isLocal ? "ws://local.invalid" : reader.get(where, "url", coerce.url, section);
    if (url === void 0) {
      if (section.url === void 0) problems.push({ file, section: where, key: "url", message: "missing (every upstream needs a url)" });
      continue;
    }
    if (role === "primary" && upstreams.some((u) => u.role === "primary")) {
      if (primaryFromCli || isLocal) continue;
      problems.push({ file, section: where, key: "role", message: "there is already a primary; exactly one upstream is primary" });
      continue;
    }
    const rfid = (reader.get(where, "rfid", coerce.list, section) ?? []).map((t) => t.toUpperCase());
    const allow = reader.get(where, "allow_actions", coerce.list, section) ?? [];
    const deny = reader.get(where, "deny_actions", coerce.list, section) ?? [];
    const upstream = add(name, url, role, rfid, deny, allow);
    upstream.local = isLocal;
    upstream.auth = reader.get(where, "auth", coerce.auth, section) ?? upstream.auth;
    upstream.username = reader.get(where, "username", coerce.nonEmpty, section) ?? null;
    upstream.password = reader.get(where, "password", coerce.string, section) ?? null;
    upstream.chargerId = reader.get(where, "charger_id", coerce.nonEmpty, section) ?? null;
    upstream.ca = reader.get(where, "ca", coerce.nonEmpty, section) ?? null;
    upstream.cert = reader.get(where, "cert", coerce.nonEmpty, section) ?? null;
    upstream.key = reader.get(where, "key", coerce.nonEmpty, section) ?? null;
    upstream.insecure = reader.get(where, "insecure", coerce.bool, section) ?? false;
    upstream.idtagMap = reader.get(where, "idtag_map", coerce.idtagMap, section) ?? [];
    upstream.idtag = reader.get(where, "idtag", coerce.nonEmpty, section) ?? null;
    upstream.protocol = reader.get(where, "protocol", coerce.protocol, section) ?? null;
    if (upstream.idtag !== null && upstream.idtagMap.length > 0) {
      problems.push({ file, section: where, key: "idtag", message: "set idtag_map or idtag, not both" });
    }
    if (upstream.auth === "forward" && role !== "primary") {
      problems.push({ file, section: where, key: "auth", message: "'forward' sends the charger's credentials and is allowed for the primary only" });
    }
    if (upstream.auth === "basic" && upstream.password === null) {
      problems.push({ file, section: where, key: "password", message: "auth = basic needs a password" });
    }
    if (upstream.cert === null !== (upstream.key === null)) {
      problems.push({ file, section: where, key: upstream.cert === null ? "cert" : "key", message: "cert and key must be set together" });
    }
  }
  for (const upstream of upstreams) {
    if (upstream.local && upstream.protocol !== null) problems.push({ file, section: `upstream.${upstream.name}`, key: "protocol", message: "the local CSMS speaks the charger's version; protocol does not apply" });
  }
  if (!upstreams.some((u) => u.role === "primary")) {
    const message = "no primary upstream: set [ext-server] server, --primary URL or --target-host HOST";
    problems.push(file === CLI ? { file, section: null, key: null, message } : { file, section: "ext-server", key: "server", message });
  }
  upstreams.sort((a, b) => Number(b.role === "primary") - Number(a.role === "primary"));
  return upstreams;
}

// node_modules/chalk/source/utilities.js
function stringReplaceAll(string, substring, postfix) {
  let index = string.indexOf(substring);
  if (index === -1) {
    return string;
  }
  const substringLength = substring.length;
  let endIndex = 0;
  let returnValue = "";
  do {
    returnValue += string.slice(endIndex, index) + substring + postfix;
    endIndex = index + substringLength;
    index = string.indexOf(substring, endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}
function stringEncaseCRLFWithFirstIndex(string, prefix, postfix, index) {
  let endIndex = 0;
  let returnValue = "";
  do {
    const isGotCR = string[index - 1] === "\r";
    returnValue += string.slice(endIndex, isGotCR ? index - 1 : index) + prefix + (isGotCR ? "\r\n" : "\n") + postfix;
    endIndex = index + 1;
    index = string.indexOf("\n", endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}

// node_modules/chalk/source/vendor/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET = 10;
var ANSI_UNDERLINE_OFFSET = 20;
var wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var wrapUnderlineAnsi = (code) => `\x1B[58;5;${code < 90 ? code - 30 : code - 90 + 8}m`;
var styles = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    // Extended underline styles (`SGR 4:x` sub-parameters). Not in upstream `ansi-styles`.
    underlineDouble: ["4:2", 24],
    underlineCurly: ["4:3", 24],
    underlineDotted: ["4:4", 24],
    underlineDashed: ["4:5", 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  },
  // Underline color (`SGR 58`/`59`). Not in upstream `ansi-styles`.
  underlineColor: {
    underlineBlack: ["58;5;0", 59],
    underlineRed: ["58;5;1", 59],
    underlineGreen: ["58;5;2", 59],
    underlineYellow: ["58;5;3", 59],
    underlineBlue: ["58;5;4", 59],
    underlineMagenta: ["58;5;5", 59],
    underlineCyan: ["58;5;6", 59],
    underlineWhite: ["58;5;7", 59],
    // Bright color
    underlineBlackBright: ["58;5;8", 59],
    underlineGray: ["58;5;8", 59],
    // Alias of `underlineBlackBright`
    underlineGrey: ["58;5;8", 59],
    // Alias of `underlineBlackBright`
    underlineRedBright: ["58;5;9", 59],
    underlineGreenBright: ["58;5;10", 59],
    underlineYellowBright: ["58;5;11", 59],
    underlineBlueBright: ["58;5;12", 59],
    underlineMagentaBright: ["58;5;13", 59],
    underlineCyanBright: ["58;5;14", 59],
    underlineWhiteBright: ["58;5;15", 59]
  }
};
var modifierNames = Object.keys(styles.modifier);
var foregroundColorNames = Object.keys(styles.color);
var backgroundColorNames = Object.keys(styles.bgColor);
var underlineColorNames = Object.keys(styles.underlineColor);
var colorNames = [...foregroundColorNames, ...backgroundColorNames];
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(Number.parseInt(style[0], 10), style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.underlineColor.close = "\x1B[59m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  styles.underlineColor.ansi = wrapUnderlineAnsi;
  styles.underlineColor.ansi256 = wrapAnsi256(ANSI_UNDERLINE_OFFSET);
  styles.underlineColor.ansi16m = wrapAnsi16m(ANSI_UNDERLINE_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches3 = /[\da-f]{6}|[\da-f]{3}/i.exec(hex.toString(16));
        if (!matches3) {
          return [0, 0, 0];
        }
        let [colorString] = matches3;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer2 = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise -- We need the speed */
          integer2 >> 16 & 255,
          integer2 >> 8 & 255,
          integer2 & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ansiStyles = assembleStyles();
var ansi_styles_default = ansiStyles;

// node_modules/chalk/source/vendor/supports-color/index.js
import process2 from "node:process";
import os from "node:os";
import tty from "node:tty";
function hasFlag(flag, argv = globalThis.Deno ? globalThis.Deno.args : process2.argv) {
  const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
  const position = argv.indexOf(prefix + flag);
  const terminatorPosition = argv.indexOf("--");
  return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
}
var { env } = process2;
var flagForceColor;
if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
  flagForceColor = 0;
} else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
  flagForceColor = 1;
}
function hasNumericForceColor() {
  return /^\d+$/.test(env.FORCE_COLOR);
}
function envForceColor() {
  if (!("FORCE_COLOR" in env)) {
    return;
  }
  if (env.FORCE_COLOR === "false") {
    return 0;
  }
  if (env.FORCE_COLOR === "true" || env.FORCE_COLOR.length === 0) {
    return 1;
  }
  if (!hasNumericForceColor()) {
    return;
  }
  return Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
}
function translateLevel(level) {
  if (level === 0) {
    return false;
  }
  return {
    level,
    hasBasic: true,
    has256: level >= 2,
    has16m: level >= 3
  };
}
function _supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
  const noFlagForceColor = envForceColor();
  if (noFlagForceColor !== void 0) {
    flagForceColor = noFlagForceColor;
  }
  const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
  if (forceColor === 0) {
    return 0;
  }
  if (sniffFlags) {
    if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
      return 3;
    }
    if (hasFlag("color=256")) {
      return 2;
    }
  }
  if (forceColor !== void 0 && hasNumericForceColor()) {
    return forceColor;
  }
  if ("TF_BUILD" in env && "AGENT_NAME" in env) {
    return 1;
  }
  if (haveStream && !streamIsTTY && forceColor === void 0) {
    return 0;
  }
  const min = forceColor || 0;
  if (env.TERM === "dumb") {
    return min;
  }
  if (process2.platform === "win32") {
    const osRelease = os.release().split(".");
    if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
      return Number(osRelease[2]) >= 14931 ? 3 : 2;
    }
    return 1;
  }
  if ("CI" in env) {
    if (["GITHUB_ACTIONS", "GITEA_ACTIONS", "CIRCLECI"].some((key2) => key2 in env)) {
      return 3;
    }
    if (["TRAVIS", "APPVEYOR", "GITLAB_CI", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
      return 1;
    }
    return min;
  }
  if ("TEAMCITY_VERSION" in env) {
    return /^(?:9\.0*[1-9]\d*\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
  }
  if (env.COLORTERM === "truecolor") {
    return 3;
  }
  if (env.TERM === "xterm-kitty") {
    return 3;
  }
  if (env.TERM === "xterm-ghostty") {
    return 3;
  }
  if (env.TERM === "wezterm") {
    return 3;
  }
  if ("TERM_PROGRAM" in env) {
    const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".", 1)[0], 10);
    switch (env.TERM_PROGRAM) {
      case "iTerm.app": {
        return version >= 3 ? 3 : 2;
      }
      case "Apple_Terminal": {
        return 2;
      }
    }
  }
  if (/-256(?:color)?$/i.test(env.TERM)) {
    return 2;
  }
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
    return 1;
  }
  if ("COLORTERM" in env) {
    return 1;
  }
  return min;
}
function createSupportsColor(stream, options = {}) {
  const level = _supportsColor(stream, {
    streamIsTTY: stream && stream.isTTY,
    ...options
  });
  return translateLevel(level);
}
var supportsColor = {
  stdout: createSupportsColor({ isTTY: tty.isatty(1) }),
  stderr: createSupportsColor({ isTTY: tty.isatty(2) })
};
var supports_color_default = supportsColor;

// node_modules/chalk/source/index.js
var { stdout: stdoutColor, stderr: stderrColor } = supports_color_default;
var GENERATOR = /* @__PURE__ */ Symbol("GENERATOR");
var STYLER = /* @__PURE__ */ Symbol("STYLER");
var IS_EMPTY = /* @__PURE__ */ Symbol("IS_EMPTY");
var LEVEL = /* @__PURE__ */ Symbol("LEVEL");
var styles2 = /* @__PURE__ */ Object.create(null);
var assertValidLevel = (level) => {
  if (!Number.isSafeInteger(level) || level < 0 || level > 3) {
    throw new Error("The `level` should be an integer from 0 to 3");
  }
};
var levelDescriptor = {
  enumerable: true,
  get() {
    return this[LEVEL];
  },
  set(level) {
    assertValidLevel(level);
    this[LEVEL] = level;
  }
};
var applyOptions = (object, options = {}) => {
  if (options.level !== void 0) {
    assertValidLevel(options.level);
  }
  const colorLevel = stdoutColor ? stdoutColor.level : 0;
  object[LEVEL] = options.level === void 0 ? colorLevel : options.level;
};
var Chalk = class {
  constructor(options) {
    return chalkFactory(options);
  }
};
var chalkFactory = (options) => {
  const chalk2 = (...strings) => strings.join(" ");
  applyOptions(chalk2, options);
  Object.setPrototypeOf(chalk2, createChalk.prototype);
  return chalk2;
};
function createChalk(options) {
  return chalkFactory(options);
}
Object.setPrototypeOf(createChalk.prototype, Function.prototype);
for (const [styleName, style] of Object.entries(ansi_styles_default)) {
  styles2[styleName] = {
    get() {
      const builder = createBuilder(this, createStyler(style.open, style.close, this[STYLER]), this[IS_EMPTY]);
      Object.defineProperty(this, styleName, { value: builder });
      return builder;
    }
  };
}
styles2.visible = {
  get() {
    const builder = createBuilder(this, this[STYLER], true);
    Object.defineProperty(this, "visible", { value: builder });
    return builder;
  }
};
var createModelConverters = (model, type) => {
  const style = ansi_styles_default[type];
  if (model === "rgb") {
    const ansi2 = (red, green, blue) => style.ansi(ansi_styles_default.rgbToAnsi(red, green, blue));
    const ansi256 = (red, green, blue) => style.ansi256(ansi_styles_default.rgbToAnsi256(red, green, blue));
    return [ansi2, ansi2, ansi256, style.ansi16m];
  }
  if (model === "hex") {
    const ansi2 = (hex) => style.ansi(ansi_styles_default.hexToAnsi(hex));
    const ansi256 = (hex) => style.ansi256(ansi_styles_default.hexToAnsi256(hex));
    return [ansi2, ansi2, ansi256, (hex) => style.ansi16m(...ansi_styles_default.hexToRgb(hex))];
  }
  const ansi = (code) => style.ansi(ansi_styles_default.ansi256ToAnsi(code));
  return [ansi, ansi, style.ansi256, style.ansi256];
};
var usedModels = ["rgb", "hex", "ansi256"];
for (const model of usedModels) {
  const capitalizedModel = model[0].toUpperCase() + model.slice(1);
  for (const [styleName, type] of [
    [model, "color"],
    ["bg" + capitalizedModel, "bgColor"],
    ["underline" + capitalizedModel, "underlineColor"]
  ]) {
    const { close } = ansi_styles_default[type];
    const converters = createModelConverters(model, type);
    styles2[styleName] = {
      get() {
        const styleFunction = function(first, second, third) {
          const open2 = converters[this.level](first, second, third);
          return createBuilder(this, createStyler(open2, close, this[STYLER]), this[IS_EMPTY]);
        };
        Object.defineProperty(this, styleName, { value: styleFunction });
        return styleFunction;
      }
    };
  }
}
var proto = Object.defineProperties(
  () => {
  },
  {
    ...styles2,
    level: {
      enumerable: true,
      get() {
        return this[GENERATOR].level;
      },
      set(level) {
        this[GENERATOR].level = level;
      }
    }
  }
);
var createStyler = (open2, close, parent) => {
  let openAll;
  let closeAll;
  if (parent === void 0) {
    openAll = open2;
    closeAll = close;
  } else {
    openAll = parent.openAll + open2;
    closeAll = close + parent.closeAll;
  }
  return {
    open: open2,
    close,
    openAll,
    closeAll,
    parent
  };
};
var createBuilder = (self, _styler, _isEmpty) => {
  const builder = (...arguments_) => {
    if (arguments_.length === 1) {
      return applyStyle(builder, "" + arguments_[0]);
    }
    if (arguments_.length === 2) {
      return applyStyle(builder, `${arguments_[0] ?? ""} ${arguments_[1] ?? ""}`);
    }
    return applyStyle(builder, arguments_.join(" "));
  };
  Object.setPrototypeOf(builder, proto);
  builder[GENERATOR] = self[GENERATOR] ?? self;
  builder[STYLER] = _styler;
  builder[IS_EMPTY] = _isEmpty;
  return builder;
};
var applyStyle = (self, string) => {
  if (self[GENERATOR][LEVEL] <= 0 || !string) {
    return self[IS_EMPTY] ? "" : string;
  }
  let styler = self[STYLER];
  if (styler === void 0) {
    return string;
  }
  const { openAll, closeAll } = styler;
  if (string.includes("\x1B")) {
    while (styler !== void 0) {
      string = stringReplaceAll(string, styler.close, styler.open);
      styler = styler.parent;
    }
  }
  const lfIndex = string.indexOf("\n");
  if (lfIndex !== -1) {
    string = stringEncaseCRLFWithFirstIndex(string, closeAll, openAll, lfIndex);
  }
  return openAll + string + closeAll;
};
Object.defineProperties(createChalk.prototype, { ...styles2, level: levelDescriptor });
var chalk = createChalk();
var chalkStderr = createChalk({ level: stderrColor ? stderrColor.level : 0 });

// src/log/console-log.ts
var RANK = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 };
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
var CONTROL_ALL = new RegExp(CONTROL.source, "g");
var escapeControl = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
var Logger = class _Logger {
  name;
  threshold;
  sink;
  paint;
  /** Put before every text (a child logger's `CHARGER: `). */
  prefix;
  constructor(name, level, sink, paint, prefix = "") {
    this.name = name;
    this.threshold = RANK[level];
    this.sink = sink;
    this.paint = paint;
    this.prefix = prefix;
  }
  /** The same logger, every line prefixed `PREFIX: ` (one per charger session). */
  child(prefix) {
    const level = Object.keys(RANK).find((name) => RANK[name] === this.threshold);
    return new _Logger(this.name, level, this.sink, this.paint, `${this.prefix}${prefix}: `);
  }
  enabled(level) {
    return RANK[level] >= this.threshold;
  }
  debug(text3) {
    if (this.threshold <= RANK.DEBUG) this.write("DEBUG", text3);
  }
  info(text3) {
    if (this.threshold <= RANK.INFO) this.write("INFO", text3);
  }
  warn(text3) {
    if (this.threshold <= RANK.WARNING) this.write("WARNING", text3);
  }
  error(text3) {
    this.write("ERROR", text3);
  }
  write(level, text3) {
    if (this.prefix !== "") text3 = this.prefix + text3;
    if (CONTROL.test(text3)) text3 = text3.replace(CONTROL_ALL, escapeControl);
    const p = this.paint;
    const label = level === "ERROR" ? p.red(level) : level === "WARNING" ? p.yellow(level) : level === "DEBUG" ? p.gray(level) : p.green(level);
    this.sink(`${p.dim((/* @__PURE__ */ new Date()).toISOString())} ${label} ${p.cyan(this.name)}: ${text3}
`);
  }
};
function childLoggers(loggers, prefix) {
  return { proxy: loggers.proxy.child(prefix), client: loggers.client.child(prefix), server: loggers.server.child(prefix) };
}
function createLoggers(levels, sink, color) {
  const write = sink ?? ((line) => void process.stdout.write(line));
  const paint = new Chalk(color === false || color === void 0 && sink !== void 0 ? { level: 0 } : void 0);
  return {
    proxy: new Logger("proxy", levels.proxy, write, paint),
    client: new Logger("websockets.client", levels.client, write, paint),
    server: new Logger("websockets.server", levels.server, write, paint)
  };
}

// src/daemon.ts
import { readFile } from "node:fs/promises";

// src/log/redact.ts
var MASK = "***";
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function namedIgnoringCase(value, name) {
  return typeof value === "string" && value.toLowerCase() === name;
}
function authorizationKeyValue(payload, visit) {
  if (namedIgnoringCase(payload.key, "authorizationkey") && Object.hasOwn(payload, "value")) visit(payload, "value");
}
function basicAuthPasswordValues(payload, visit) {
  const data = payload.setVariableData;
  if (!Array.isArray(data)) return;
  for (const entry of data) {
    if (!isObject(entry) || !isObject(entry.variable)) continue;
    if (namedIgnoringCase(entry.variable.name, "basicauthpassword") && Object.hasOwn(entry, "attributeValue")) visit(entry, "attributeValue");
  }
}
function isSecretName(name) {
  const lower = name.toLowerCase();
  return lower.includes("password") || lower === "authorizationkey";
}
function networkProfileSecrets(payload, visit) {
  const pending = [payload];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (isObject(node)) {
      for (const [key2, value] of Object.entries(node)) {
        if (isSecretName(key2)) visit(node, key2);
        else if (typeof value === "object" && value !== null) pending.push(value);
      }
    }
  }
}
var FINDERS = /* @__PURE__ */ new Map([
  ["ChangeConfiguration", authorizationKeyValue],
  ["SetVariables", basicAuthPasswordValues],
  ["SetNetworkProfile", networkProfileSecrets]
]);
function redactSecrets(action, payload, text3) {
  const find = FINDERS.get(action);
  if (find === void 0) return text3;
  let secrets = 0;
  find(payload, () => {
    secrets++;
  });
  if (secrets === 0) return text3;
  return maskedFrame(action, text3, find);
}
function reportedAuthorizationKey(payload, visit) {
  const keys = payload.configurationKey;
  if (!Array.isArray(keys)) return;
  for (const entry of keys) {
    if (isObject(entry) && namedIgnoringCase(entry.key, "authorizationkey") && Object.hasOwn(entry, "value")) visit(entry, "value");
  }
}
function reportedBasicAuthPassword(payload, visit) {
  const results = payload.getVariableResult;
  if (!Array.isArray(results)) return;
  for (const entry of results) {
    if (isObject(entry) && isObject(entry.variable) && namedIgnoringCase(entry.variable.name, "basicauthpassword") && Object.hasOwn(entry, "attributeValue")) {
      visit(entry, "attributeValue");
    }
  }
}
var ANSWER_FINDERS = /* @__PURE__ */ new Map([
  ["GetConfiguration", reportedAuthorizationKey],
  ["GetVariables", reportedBasicAuthPassword]
]);
function redactAnswerSecrets(action, payload, text3) {
  const find = ANSWER_FINDERS.get(action);
  if (find === void 0 || payload === null) return text3;
  let secrets = 0;
  find(payload, () => {
    secrets++;
  });
  if (secrets === 0) return text3;
  let frame;
  try {
    frame = JSON.parse(text3);
  } catch {
    return JSON.stringify([3, "<id unknown>", { redacted: true }]);
  }
  if (!Array.isArray(frame) || frame.length !== 3 || !isObject(frame[2])) return JSON.stringify([3, "<id unknown>", { redacted: true }]);
  find(frame[2], (holder, key2) => {
    holder[key2] = MASK;
  });
  return JSON.stringify(frame);
}
function maskedFrame(action, text3, find) {
  let frame;
  try {
    frame = JSON.parse(text3);
  } catch {
    return placeholder(action, void 0);
  }
  if (!Array.isArray(frame) || frame.length !== 4 || !isObject(frame[3])) return placeholder(action, frame);
  find(frame[3], (holder, key2) => {
    holder[key2] = MASK;
  });
  try {
    return JSON.stringify(frame);
  } catch {
    return placeholder(action, frame);
  }
}
function placeholder(action, frame) {
  const id = Array.isArray(frame) && typeof frame[1] === "string" ? frame[1] : "<id unknown>";
  return JSON.stringify([2, id, action, { redacted: true }]);
}
function withoutUserinfo(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@");
}

// src/log/describe-upstreams.ts
function describeUpstreams(config) {
  const lines = config.upstreams.map((u) => u.local ? `upstream ${u.name} (primary): the built-in local CSMS` : `upstream ${u.name} (${u.role}): ${withoutUserinfo(u.url)}/<charger id>`);
  if (config.upstreams.length === 1) lines.push("1-way mode: no secondary configured");
  return lines;
}

// src/log/message-log.ts
import { createWriteStream } from "node:fs";
import { rename, stat } from "node:fs/promises";

// src/log/text-format.ts
var UNSAFE = /[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
var BODY_ESCAPES = /[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%]/g;
var FIELD_UNSAFE = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→]/;
var FIELD_ESCAPES = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→]/g;
var VALUE_ESCAPES = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→,=\]]/g;
var TYPE_DIGIT = { CALL: 50, CALLRESULT: 51, CALLERROR: 52, CALLRESULTERROR: 53, SEND: 54, INVALID: -1 };
var FRAME_TYPES = new Set(Object.keys(TYPE_DIGIT));
var RAW = "raw ";
var RAW_ESCAPED = "raw% ";
var TextLineFormatter = class {
  lastTs = "";
  lastStamp = "";
  /** `YYYY-MM-DDTHH:MM:SS` of the UTC second whose local form is `secondStamp` (with `offset`). */
  secondKey = "";
  secondStamp = "";
  offset = "";
  /** The entry's line, with its newline. */
  line(e) {
    return `${this.stamp(e.ts)} ${field(e.charger)} ${field(e.from)}\u2192${field(e.to)} ${e.type} ${field(e.action)} ${field(e.id)} ${brackets(e)} ${body(e)}
`;
  }
  stamp(ts) {
    if (ts === this.lastTs) return this.lastStamp;
    const stamp = this.secondKey !== "" && sameSecondMillis(ts, this.secondKey) ? `${this.secondStamp}${ts.slice(19, 23)}${this.offset}` : this.newSecond(ts);
    this.lastTs = ts;
    this.lastStamp = stamp;
    return stamp;
  }
  /** Local date, time and offset for a new second (the offset can change with daylight saving). */
  newSecond(ts) {
    this.secondKey = "";
    const ms = ISO_UTC.test(ts) ? Date.parse(ts) : Number.NaN;
    if (Number.isNaN(ms)) return `- ${field(ts)}`;
    let minutes = -new Date(ms).getTimezoneOffset();
    if (!Number.isInteger(minutes)) minutes = 0;
    const local = new Date(ms + minutes * 6e4).toISOString();
    if (local.length !== 24) return `- ${field(ts)}`;
    this.secondKey = ts.slice(0, 19);
    this.secondStamp = `${local.slice(0, 10)} ${local.slice(11, 19)}`;
    const abs = Math.abs(minutes);
    this.offset = `${minutes < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    return `${this.secondStamp}${ts.slice(19, 23)}${this.offset}`;
  }
};
var ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
function sameSecondMillis(ts, secondKey) {
  return ts.length === 24 && ts.startsWith(secondKey) && ts.charCodeAt(19) === 46 && isDigit(ts.charCodeAt(20)) && isDigit(ts.charCodeAt(21)) && isDigit(ts.charCodeAt(22)) && ts.charCodeAt(23) === 90;
}
function isDigit(code) {
  return code >= 48 && code <= 57;
}
function pad2(n) {
  return n < 10 ? `0${n}` : String(n);
}
function field(text3) {
  if (text3 === null) return "-";
  if (text3 === "") return '""';
  if (text3 === "-") return "%2D";
  if (text3 === '""') return '%22"';
  return FIELD_UNSAFE.test(text3) ? text3.replace(FIELD_ESCAPES, encodeURIComponent) : text3;
}
function brackets(e) {
  const { tags, protocol, protocol_source: source } = e;
  if (protocol === void 0 && source === void 0) {
    if (tags.length === 0) return "[]";
    return tags.length === 1 ? `[${tags[0]}]` : `[${tags.join(",")}]`;
  }
  const items = [...tags];
  if (protocol !== void 0) items.push(`protocol=${protocol.replace(VALUE_ESCAPES, encodeURIComponent)}`);
  if (source !== void 0) items.push(`protocol_source=${source.replace(VALUE_ESCAPES, encodeURIComponent)}`);
  return `[${items.join(",")}]`;
}
function body(e) {
  const raw = e.raw;
  if (UNSAFE.test(raw)) return `${RAW_ESCAPED}${raw.replace(BODY_ESCAPES, encodeURIComponent)}`;
  const start = payloadStart(e);
  return start < 0 ? `${RAW}${raw}` : raw.slice(start, raw.length - 1);
}
function payloadStart(e) {
  const { raw, id } = e;
  const digit = TYPE_DIGIT[e.type];
  if (digit < 0 || id === null || !plain(id)) return -1;
  if (raw.charCodeAt(0) !== 91 || raw.charCodeAt(1) !== digit || raw.charCodeAt(2) !== 44 || raw.charCodeAt(3) !== 34 || !raw.startsWith(id, 4)) return -1;
  let at2 = 4 + id.length;
  if (raw.charCodeAt(at2) !== 34 || raw.charCodeAt(at2 + 1) !== 44) return -1;
  at2 += 2;
  if (e.type === "CALL" || e.type === "SEND") {
    const action = e.action;
    if (action === null || !plain(action) || raw.charCodeAt(at2) !== 34 || !raw.startsWith(action, at2 + 1)) return -1;
    at2 += 1 + action.length;
    if (raw.charCodeAt(at2) !== 34 || raw.charCodeAt(at2 + 1) !== 44) return -1;
    at2 += 2;
  }
  const last = raw.length - 1;
  if (at2 >= last || raw.charCodeAt(last) !== 93 || !startsJsonValue(raw.charCodeAt(at2))) return -1;
  return at2;
}
function plain(text3) {
  return !text3.includes('"') && !text3.includes("\\");
}
function startsJsonValue(code) {
  return code === 123 || code === 91 || code === 34 || code === 45 || isDigit(code) || code === 116 || code === 102 || code === 110;
}
var DATE = /^\d{4}-\d\d-\d\d$/;
var TIME = /^\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;
function parseTextLine(line) {
  const tokens = [];
  let at2 = 0;
  while (tokens.length < 8) {
    const space = line.indexOf(" ", at2);
    if (space < 0) throw new Error(tokens.length === 0 ? "not a message log entry" : `not a message log entry (${tokens.length + 1} of 9 fields)`);
    tokens.push(line.slice(at2, space));
    at2 = space + 1;
  }
  const [date, time2, charger, hop, type, action, id, annotations] = tokens;
  const rest = line.slice(at2);
  let ts;
  if (date === "-") ts = unfield(time2, "time") ?? "";
  else if (DATE.test(date) && TIME.test(time2)) ts = new Date(Date.parse(`${date}T${time2}`)).toISOString();
  else throw new Error(`not a message log entry (no time stamp: '${date} ${time2}')`);
  const arrow = hop.indexOf("\u2192");
  if (arrow < 0) throw new Error(`not a message log entry (no from\u2192to in '${hop}')`);
  if (!FRAME_TYPES.has(type)) throw new Error(`unknown type '${type}'`);
  if (!annotations.startsWith("[") || !annotations.endsWith("]")) throw new Error(`no [tags] in '${annotations}'`);
  const entry = {
    ts,
    charger: unfield(charger, "charger") ?? "",
    from: unfield(hop.slice(0, arrow), "from") ?? "",
    to: unfield(hop.slice(arrow + 1), "to") ?? "",
    type,
    id: unfield(id, "id"),
    action: unfield(action, "action"),
    tags: [],
    raw: ""
  };
  const extra = {};
  for (const item of annotations.length > 2 ? annotations.slice(1, -1).split(",") : []) {
    const eq = item.indexOf("=");
    if (eq < 0) entry.tags.push(item);
    else extra[item.slice(0, eq)] = decode(item.slice(eq + 1), item);
  }
  entry.raw = rawOf(entry, rest);
  return Object.assign(entry, extra);
}
function unfield(text3, name) {
  if (text3 === "-") return null;
  if (text3 === '""') return "";
  return decode(text3, name);
}
function decode(text3, what) {
  try {
    return decodeURIComponent(text3);
  } catch {
    throw new Error(`bad %-escape in ${what} '${text3}'`);
  }
}
function rawOf(e, text3) {
  if (text3.startsWith(RAW_ESCAPED)) return decode(text3.slice(RAW_ESCAPED.length), "the frame");
  if (text3.startsWith(RAW)) return text3.slice(RAW.length);
  if (text3 === "raw") return "";
  const digit = TYPE_DIGIT[e.type];
  if (text3 === "" || digit < 0 || e.id === null) throw new Error(`a ${e.type} line needs an id and a payload, or raw`);
  const head2 = `[${String.fromCharCode(digit)},"${e.id}",`;
  if (e.type !== "CALL" && e.type !== "SEND") return `${head2}${text3}]`;
  if (e.action === null) throw new Error(`a ${e.type} line needs an action, or raw`);
  return `${head2}"${e.action}",${text3}]`;
}

// src/log/message-log.ts
var MAX_PENDING_BYTES = 16 * 1024 * 1024;
var BATCH_BYTES = 64 * 1024;
var MAX_QUEUED = 1024;
var WRITE_WINDOW_MS = 10;
var RETRY_AFTER_ERROR_MS = 1e4;
var MessageLog = class {
  path;
  logger;
  /** `[messages] max_size`: past it the file is moved to PATH.1 and a new one begun (0: no cap). */
  maxBytes;
  retryMs;
  /** Null for JSON Lines. */
  textLines;
  stream = null;
  bytes = 0;
  droppedLines = 0;
  listeners = [];
  /** Reopens run one at a time; a request during one makes exactly one more. */
  reopening = null;
  reopenAgain = false;
  retryTimer = null;
  closed = false;
  /** Entries of this event-loop turn, taken at its end (listeners, formatting, the write). */
  queued = [];
  /** Lines formatted and not yet written (within WRITE_WINDOW_MS, or at once past BATCH_BYTES). */
  batch = "";
  batchLines = 0;
  takeScheduled = false;
  writeTimer = null;
  listenerFailed = false;
  /** True while a reopen hands over the old file's last lines: the size cap waits for the new file. */
  swapping = false;
  constructor(path, logger, options = {}) {
    this.path = path;
    this.logger = logger;
    this.maxBytes = options.maxBytes ?? 0;
    this.retryMs = options.retryMs ?? RETRY_AFTER_ERROR_MS;
    this.textLines = options.format === "text" ? new TextLineFormatter() : null;
  }
  /** False while lines cannot be written (after an error, until a retry succeeds). */
  get writable() {
    return this.stream !== null;
  }
  /** Opens (creates or appends to) the file; rejects with a clear error if it cannot. */
  async open() {
    const stream = await openAppendStream(this.path);
    stream.on("error", (error) => {
      if (this.stream === stream) this.onStreamError(error);
    });
    this.bytes = this.maxBytes > 0 ? await stat(this.path).then((s) => s.size, () => 0) : 0;
    this.stream = stream;
  }
  /** Reopens the file by name: after logrotate moved it away, new lines go to a new file. */
  reopen() {
    if (this.reopening !== null) {
      this.reopenAgain = true;
      return this.reopening;
    }
    this.reopening = this.reopenNow().finally(() => {
      this.reopening = null;
      if (this.reopenAgain) {
        this.reopenAgain = false;
        void this.reopen();
      }
    });
    return this.reopening;
  }
  async reopenNow() {
    this.swapping = true;
    try {
      this.flush();
    } finally {
      this.swapping = false;
    }
    const old = this.stream;
    try {
      await this.open();
    } catch (error) {
      this.logger.error(`message log: cannot reopen ${this.path}: ${error.message}`);
      if (old !== null && !old.destroyed) this.stream = old;
      else this.scheduleRetry();
      return;
    }
    if (old !== null && old !== this.stream) old.end();
    this.logger.info(`message log reopened: ${this.path}`);
  }
  /** Called for every entry (web monitor, metrics); must not throw or block. */
  subscribe(listener) {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }
  /**
   * Queues one entry. Nothing else happens now: the frame it describes has been sent. The
   * listeners (monitor, metrics, dashboard) and the line's formatting run once per event-loop
   * turn, after every send of the turn (or sooner past MAX_QUEUED entries), in order; the write
   * follows within WRITE_WINDOW_MS.
   */
  write(entry) {
    this.queued.push(entry);
    if (this.queued.length >= MAX_QUEUED) this.takeQueued();
    else if (!this.takeScheduled) {
      this.takeScheduled = true;
      setImmediate(this.takeQueued);
    }
  }
  /** Hands what is queued to the listeners and the file now (a reader that needs this turn's lines). */
  flush() {
    this.takeQueued();
    this.writeNow();
  }
  /** The queued entries to the listeners, their lines to the batch the next write takes. */
  takeQueued = () => {
    this.takeScheduled = false;
    const entries = this.queued;
    if (entries.length > 0) {
      this.queued = [];
      for (const entry of entries) this.take(entry);
    }
    if (this.batchLines > 0 && this.writeTimer === null) this.writeTimer = setTimeout(this.writeNow, WRITE_WINDOW_MS);
  };
  writeNow = () => {
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    this.writeBatch();
  };
  take(entry) {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        if (!this.listenerFailed) this.logger.error(`message log: a listener failed (logged once): ${error.stack ?? String(error)}`);
        this.listenerFailed = true;
      }
    }
    const stream = this.stream;
    if (stream === null) {
      if (!this.closed) this.droppedLines++;
      return;
    }
    if (stream.writableLength > MAX_PENDING_BYTES) {
      if (this.droppedLines++ === 0) this.logger.warn("message log: disk is not keeping up, dropping lines");
      return;
    }
    if (this.droppedLines > 0) {
      this.logger.warn(`message log: ${this.droppedLines} lines were dropped while the file could not be written`);
      this.droppedLines = 0;
    }
    const line = this.textLines === null ? JSON.stringify(entry) + "\n" : this.textLines.line(entry);
    this.batch += line;
    this.batchLines++;
    if (this.batch.length >= BATCH_BYTES) this.writeBatch();
    if (this.maxBytes > 0) {
      this.bytes += Buffer.byteLength(line);
      if (this.bytes >= this.maxBytes && this.reopening === null && !this.swapping) void this.rotate();
    }
  }
  /** Writes the lines formatted so far, in one write. */
  writeBatch() {
    if (this.batchLines === 0) return;
    const text3 = this.batch;
    const lines = this.batchLines;
    this.batch = "";
    this.batchLines = 0;
    if (this.stream === null) this.droppedLines += lines;
    else this.stream.write(text3);
  }
  /** Flushes everything written so far and closes the file. */
  async close() {
    this.flush();
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.reopening !== null) await this.reopening;
    const stream = this.stream;
    this.stream = null;
    if (stream === null || stream.destroyed) return;
    await new Promise((resolve6) => stream.end(resolve6));
  }
  /** The size cap: the full file becomes PATH.1 (the previous PATH.1 goes), a new one starts. */
  rotate() {
    this.flush();
    this.bytes = 0;
    this.reopening = rename(this.path, `${this.path}.1`).then(
      () => this.reopenNow(),
      (error) => this.logger.error(`message log: cannot move ${this.path} aside at [messages] max_size: ${error.message}`)
    ).finally(() => {
      this.reopening = null;
    });
    return this.reopening;
  }
  onStreamError(error) {
    this.logger.error(`message log: writing ${this.path} failed: ${error.message}; trying again every ${this.retryMs / 1e3} s`);
    this.stream = null;
    this.scheduleRetry();
  }
  scheduleRetry() {
    if (this.closed || this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed || this.stream !== null) return;
      this.open().then(
        () => this.logger.info(`message log: writing ${this.path} again (${this.droppedLines} lines were lost meanwhile)`),
        () => this.scheduleRetry()
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
};
function openAppendStream(path) {
  return new Promise((resolve6, reject) => {
    const stream = createWriteStream(path, { flags: "a" });
    const onError = (error) => reject(new Error(`cannot open message log ${path}: ${error.message}`));
    stream.once("error", onError);
    stream.once("open", () => {
      stream.off("error", onError);
      resolve6(stream);
    });
  });
}

// src/listener/proxy-server.ts
import { createServer } from "node:http";
import { createServer as createTlsServer, Server as TlsServerClass } from "node:https";

// src/ocpp/versions.ts
function isSupportedProtocol(name) {
  return name === "ocpp1.6" || name === "ocpp2.0.1" || name === "ocpp2.1";
}
var RULES = {
  "ocpp1.6": {
    messageTypes: /* @__PURE__ */ new Set([2, 3, 4]),
    unknownMessageType: "ignore",
    errorCodes: {
      "not-json": "FormationViolation",
      "not-array": "FormationViolation",
      "bad-envelope": "ProtocolError",
      "bad-payload": "FormationViolation"
    }
  },
  "ocpp2.0.1": {
    messageTypes: /* @__PURE__ */ new Set([2, 3, 4]),
    unknownMessageType: "MessageTypeNotSupported",
    errorCodes: {
      "not-json": "RpcFrameworkError",
      "not-array": "RpcFrameworkError",
      "bad-envelope": "RpcFrameworkError",
      "bad-payload": "FormatViolation"
    }
  },
  "ocpp2.1": {
    messageTypes: /* @__PURE__ */ new Set([2, 3, 4, 5, 6]),
    unknownMessageType: "ignore",
    errorCodes: {
      "not-json": "RpcFrameworkError",
      "not-array": "RpcFrameworkError",
      "bad-envelope": "RpcFrameworkError",
      "bad-payload": "FormatViolation"
    }
  }
};
function versionRules(version) {
  return RULES[version];
}

// src/listener/version-detection.ts
var VERSION = /^(?:ocpp|v)?(1\.6|2\.0\.1|2\.1)$/i;
function normalise(text3) {
  const match = VERSION.exec((text3 ?? "").trim());
  return match === null ? null : `ocpp${match[1]}`;
}
function detectVersion(request, fallback) {
  const header2 = request.headers["x-ocpp-version"];
  const fromHeader = normalise(Array.isArray(header2) ? header2[0] : header2);
  if (fromHeader !== null) return { version: fromHeader, source: "header" };
  const url = new URL(request.url ?? "/", "http://localhost");
  const fromQuery = normalise(url.searchParams.get("version"));
  if (fromQuery !== null) return { version: fromQuery, source: "query" };
  const segments = url.pathname.split("/").filter((segment) => segment !== "");
  for (const segment of segments.slice(0, -1)) {
    const fromPath = normalise(segment);
    if (fromPath !== null) return { version: fromPath, source: "path" };
  }
  return fallback === null ? null : { version: fallback, source: "default" };
}

// src/collections.ts
var NOTHING = /* @__PURE__ */ new Map();
var NONE = /* @__PURE__ */ new Set();
var LazyMap = class {
  map = null;
  get size() {
    return this.map === null ? 0 : this.map.size;
  }
  get(key2) {
    return this.map === null ? void 0 : this.map.get(key2);
  }
  has(key2) {
    return this.map !== null && this.map.has(key2);
  }
  set(key2, value) {
    (this.map ??= /* @__PURE__ */ new Map()).set(key2, value);
    return this;
  }
  delete(key2) {
    return this.map !== null && this.map.delete(key2);
  }
  clear() {
    this.map?.clear();
  }
  forEach(callback, thisArg) {
    this.map?.forEach((value, key2) => callback.call(thisArg, value, key2, this));
  }
  keys() {
    return (this.map ?? NOTHING).keys();
  }
  values() {
    return (this.map ?? NOTHING).values();
  }
  entries() {
    return (this.map ?? NOTHING).entries();
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return "Map";
  }
};
var LazySet = class {
  set_ = null;
  get size() {
    return this.set_ === null ? 0 : this.set_.size;
  }
  has(value) {
    return this.set_ !== null && this.set_.has(value);
  }
  add(value) {
    (this.set_ ??= /* @__PURE__ */ new Set()).add(value);
    return this;
  }
  delete(value) {
    return this.set_ !== null && this.set_.delete(value);
  }
  clear() {
    this.set_?.clear();
  }
  forEach(callback, thisArg) {
    this.set_?.forEach((value) => callback.call(thisArg, value, value, this));
  }
  keys() {
    return this.values();
  }
  values() {
    return (this.set_ ?? NONE).values();
  }
  entries() {
    return (this.set_ ?? NONE).entries();
  }
  [Symbol.iterator]() {
    return this.values();
  }
  get [Symbol.toStringTag]() {
    return "Set";
  }
};

// src/session/charger-memory.ts
var BOOT_ACCEPTANCE_TTL_MS = 24 * 60 * 60 * 1e3;
var MAX_REMEMBERED_CONNECTORS = 64;
var MAX_CONNECTOR_NUMBER = 1e3;
function isConnectorNumber(value) {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_CONNECTOR_NUMBER;
}
var ChargerMemory = class _ChargerMemory {
  /** The charger's last BootNotification Call, as forwarded. */
  boot = null;
  /** When the primary last answered a BootNotification Accepted (null: not, or later not). */
  bootAcceptedAt = null;
  /** Latest StatusNotification Call per connector, in first-seen connector order. */
  statuses = /* @__PURE__ */ new Map();
  /** From the BootNotification (1.6 chargePointVendor/Model, 2.0.1+ chargingStation). */
  vendor = null;
  model = null;
  /** `[autoconfig]` key → the status the charger answered at the last boot. */
  autoconfigResults = new LazyMap();
  views = null;
  /** Told when the boot, its acceptance or a status changed (the state store keeps them across restarts). */
  onChange = null;
  profiles = null;
  /** `[configuration]` views of this charger, made (loaded from the store) on first use. */
  configViews(create) {
    return this.views ??= create();
  }
  /** The views, if this charger has any yet (status). */
  get knownConfigViews() {
    return this.views;
  }
  /** `[charging] merge`: every upstream's charging profiles of this charger, made (loaded) on first use. */
  chargingProfiles(create) {
    return this.profiles ??= create();
  }
  get knownChargingProfiles() {
    return this.profiles;
  }
  /** Connectors (1.6) or EVSEs (2.0.1+) the charger reported a status for. */
  knownConnectors() {
    const out = /* @__PURE__ */ new Set();
    for (const key2 of this.statuses.keys()) {
      const [evse, connector] = key2.split(":");
      const n = Number(evse === "" ? connector : evse);
      if (Number.isInteger(n)) out.add(n);
    }
    return out;
  }
  rememberCall(action, payload, text3) {
    if (action === "BootNotification") {
      this.boot = text3;
      const station = payload.chargingStation ?? {};
      const vendor = payload.chargePointVendor ?? station.vendorName;
      const model = payload.chargePointModel ?? station.model;
      this.vendor = typeof vendor === "string" ? vendor : null;
      this.model = typeof model === "string" ? model : null;
      this.onChange?.();
    } else if (action === "StatusNotification") {
      if (!isConnectorNumber(payload.connectorId) || payload.evseId !== void 0 && !isConnectorNumber(payload.evseId)) return;
      const key2 = connectorKey(payload);
      if (this.statuses.has(key2) || this.statuses.size < MAX_REMEMBERED_CONNECTORS) {
        this.statuses.set(key2, text3);
        this.onChange?.();
      }
    }
  }
  bootAnswered(accepted, now = Date.now()) {
    this.bootAcceptedAt = accepted ? now : null;
    this.onChange?.();
  }
  /** What survives a restart: the boot, its acceptance and the statuses (JSON). */
  snapshot() {
    return JSON.stringify({ boot: this.boot, bootAcceptedAt: this.bootAcceptedAt, vendor: this.vendor, model: this.model, statuses: [...this.statuses] });
  }
  /** A memory from a snapshot; an unreadable one gives an empty memory. */
  static restored(text3) {
    const memory = new _ChargerMemory();
    if (text3 === null) return memory;
    try {
      const saved = JSON.parse(text3);
      if (typeof saved.boot === "string") memory.boot = saved.boot;
      if (typeof saved.bootAcceptedAt === "number") memory.bootAcceptedAt = saved.bootAcceptedAt;
      if (typeof saved.vendor === "string") memory.vendor = saved.vendor;
      if (typeof saved.model === "string") memory.model = saved.model;
      if (Array.isArray(saved.statuses)) {
        for (const pair of saved.statuses.slice(0, MAX_REMEMBERED_CONNECTORS)) {
          if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string") memory.statuses.set(pair[0], pair[1]);
        }
      }
    } catch {
    }
    return memory;
  }
  bootAccepted(now = Date.now()) {
    return this.bootAcceptedAt !== null && now - this.bootAcceptedAt < BOOT_ACCEPTANCE_TTL_MS;
  }
  /** Frames to replay to an upstream that just connected: the boot, then each connector's status. */
  replayFrames() {
    if (this.boot === null) return [];
    const statuses = [...this.statuses.values()].map((text3) => ({ action: "StatusNotification", text: text3 }));
    return [{ action: "BootNotification", text: this.boot }, ...statuses];
  }
};
function connectorKey(payload) {
  return `${String(payload.evseId ?? "")}:${String(payload.connectorId ?? "")}`;
}

// src/ocpp/actions.ts
var OCPP16 = [
  "Authorize",
  "BootNotification",
  "CancelReservation",
  "ChangeAvailability",
  "ChangeConfiguration",
  "ClearCache",
  "ClearChargingProfile",
  "DataTransfer",
  "DiagnosticsStatusNotification",
  "FirmwareStatusNotification",
  "GetCompositeSchedule",
  "GetConfiguration",
  "GetDiagnostics",
  "GetLocalListVersion",
  "Heartbeat",
  "MeterValues",
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "ReserveNow",
  "Reset",
  "SendLocalList",
  "SetChargingProfile",
  "StartTransaction",
  "StatusNotification",
  "StopTransaction",
  "TriggerMessage",
  "UnlockConnector",
  "UpdateFirmware",
  // Security extension (1.6 security whitepaper)
  "CertificateSigned",
  "DeleteCertificate",
  "ExtendedTriggerMessage",
  "GetInstalledCertificateIds",
  "GetLog",
  "InstallCertificate",
  "LogStatusNotification",
  "SecurityEventNotification",
  "SignCertificate",
  "SignedFirmwareStatusNotification",
  "SignedUpdateFirmware"
];
var OCPP201 = [
  "Authorize",
  "BootNotification",
  "CancelReservation",
  "CertificateSigned",
  "ChangeAvailability",
  "ClearCache",
  "ClearChargingProfile",
  "ClearDisplayMessage",
  "ClearedChargingLimit",
  "ClearVariableMonitoring",
  "CostUpdated",
  "CustomerInformation",
  "DataTransfer",
  "DeleteCertificate",
  "FirmwareStatusNotification",
  "Get15118EVCertificate",
  "GetBaseReport",
  "GetCertificateStatus",
  "GetChargingProfiles",
  "GetCompositeSchedule",
  "GetDisplayMessages",
  "GetInstalledCertificateIds",
  "GetLocalListVersion",
  "GetLog",
  "GetMonitoringReport",
  "GetReport",
  "GetTransactionStatus",
  "GetVariables",
  "Heartbeat",
  "InstallCertificate",
  "LogStatusNotification",
  "MeterValues",
  "NotifyChargingLimit",
  "NotifyCustomerInformation",
  "NotifyDisplayMessages",
  "NotifyEVChargingNeeds",
  "NotifyEVChargingSchedule",
  "NotifyEvent",
  "NotifyMonitoringReport",
  "NotifyReport",
  "PublishFirmware",
  "PublishFirmwareStatusNotification",
  "ReportChargingProfiles",
  "RequestStartTransaction",
  "RequestStopTransaction",
  "ReservationStatusUpdate",
  "ReserveNow",
  "Reset",
  "SecurityEventNotification",
  "SendLocalList",
  "SetChargingProfile",
  "SetDisplayMessage",
  "SetMonitoringBase",
  "SetMonitoringLevel",
  "SetNetworkProfile",
  "SetVariableMonitoring",
  "SetVariables",
  "SignCertificate",
  "StatusNotification",
  "TransactionEvent",
  "TriggerMessage",
  "UnlockConnector",
  "UnpublishFirmware",
  "UpdateFirmware"
];
var OCPP21_ADDED = [
  "AdjustPeriodicEventStream",
  "AFRRSignal",
  "BatterySwap",
  "ChangeTransactionTariff",
  "ClearDERControl",
  "ClearTariffs",
  "ClosePeriodicEventStream",
  "GetCertificateChainStatus",
  "GetDERControl",
  "GetPeriodicEventStream",
  "GetTariffs",
  "NotifyAllowedEnergyTransfer",
  "NotifyDERAlarm",
  "NotifyDERStartStop",
  "NotifyPeriodicEventStream",
  "NotifyPriorityCharging",
  "NotifySettlement",
  "NotifyWebPaymentStarted",
  "OpenPeriodicEventStream",
  "PullDynamicScheduleUpdate",
  "ReportDERControl",
  "RequestBatterySwap",
  "SetDefaultTariff",
  "SetDERControl",
  "UpdateDynamicSchedule",
  "UsePriorityCharging",
  "VatNumberValidation"
];
var KNOWN_ACTIONS = /* @__PURE__ */ new Set([...OCPP16, ...OCPP201, ...OCPP21_ADDED]);
function actionLabel(action) {
  if (action === null) return "";
  return KNOWN_ACTIONS.has(action) ? action : "other";
}
var CHARGING_CONTROL_ACTIONS = /* @__PURE__ */ new Set([
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "RequestStartTransaction",
  "RequestStopTransaction",
  "SetChargingProfile",
  "ClearChargingProfile",
  "ChangeAvailability",
  "Reset",
  "UnlockConnector"
]);

// src/config/policy.ts
var CallPolicy = class {
  allowed;
  denied;
  observer;
  constructor(upstream) {
    this.observer = receivesOnly(upstream.role);
    this.allowed = upstream.allowActions.length > 0 ? new Set(upstream.allowActions) : null;
    this.denied = new Set(upstream.denyActions);
  }
  /** Null when the upstream may send `action`, else why not. */
  refusal(action) {
    if (this.observer) return "observers may not send calls to the charger";
    if (this.allowed !== null && !this.allowed.has(action)) return `${action} is not in allow_actions`;
    if (this.denied.has(action)) return `${action} is in deny_actions`;
    return null;
  }
};
var shared = /* @__PURE__ */ new WeakMap();
function policyOf(upstream) {
  let policy = shared.get(upstream);
  if (policy === void 0) shared.set(upstream, policy = new CallPolicy(upstream));
  return policy;
}
function controlWarnings(config) {
  if (config.sharing.enabled || config.sharing.sharedControl) return [];
  const merged = config.charging.merge ? /* @__PURE__ */ new Set(["SetChargingProfile", "ClearChargingProfile"]) : /* @__PURE__ */ new Set();
  const actions = [...CHARGING_CONTROL_ACTIONS].filter((action) => !merged.has(action));
  const controllers = config.upstreams.filter((upstream) => {
    const policy = new CallPolicy(upstream);
    return actions.some((action) => policy.refusal(action) === null);
  });
  if (controllers.length < 2) return [];
  return [
    `${controllers.map((u) => u.name).join(", ")} may all send charging-control calls (${actions.join(", ")}${merged.size > 0 ? "; charging profiles are merged, the lowest limit wins" : ""}); narrow it with [ext-server] secondary_deny_actions or [upstream.NAME] deny_actions / allow_actions, or set [sharing] enabled = true (or shared_control = true) if that is intended`
  ];
}

// src/rules/autoconfig.ts
function parseVariableKey(key2) {
  const match = /^([A-Za-z0-9_*\-:]+?)(?:\[(\d+)(?::(\d+))?\])?\.([A-Za-z0-9_*\-:]+)(?:\.([A-Za-z0-9_*\-:]+))?$/.exec(key2);
  if (match === null) return null;
  const [, component, evse, connector, variable, instance] = match;
  const ref = { component: { name: component }, variable: { name: variable } };
  if (evse !== void 0) ref.component.evse = connector === void 0 ? { id: Number(evse) } : { id: Number(evse), connectorId: Number(connector) };
  if (instance !== void 0) ref.variable.instance = instance;
  return ref;
}
function autoconfigCalls(version, entries) {
  const calls = [];
  for (const [key2, value] of entries) {
    if (version === "ocpp1.6") {
      if (!key2.includes(".")) calls.push({ key: key2, action: "ChangeConfiguration", payload: { key: key2, value } });
      continue;
    }
    const ref = parseVariableKey(key2);
    if (ref !== null) calls.push({ key: key2, action: "SetVariables", payload: { setVariableData: [{ attributeValue: value, ...ref }] } });
  }
  return calls;
}
function configStatus(action, answer) {
  if (action === "ChangeConfiguration") return typeof answer.status === "string" ? answer.status : "unknown";
  const results = answer.setVariableResult;
  const first = Array.isArray(results) ? results[0] : void 0;
  return typeof first?.attributeStatus === "string" ? first.attributeStatus : "unknown";
}
function managedKeys(entries) {
  const keys = /* @__PURE__ */ new Set();
  for (const [key2] of entries) {
    const ref = parseVariableKey(key2);
    keys.add(ref === null ? key2.toLowerCase() : variableId(ref.component.name, ref.variable.name, ref.variable.instance));
  }
  return keys;
}
function variableId(component, variable, instance) {
  return `${String(component)}.${String(variable)}${instance === void 0 ? "" : `.${String(instance)}`}`.toLowerCase();
}
function lockDecision(action, payload, managed) {
  if (action === "ChangeConfiguration") {
    const key2 = typeof payload.key === "string" ? payload.key.toLowerCase() : null;
    return key2 !== null && managed.has(key2) ? { kind: "reject", answer: { status: "Rejected" }, locked: [String(payload.key)] } : { kind: "pass" };
  }
  if (action !== "SetVariables" || !Array.isArray(payload.setVariableData)) return { kind: "pass" };
  const keep = [];
  const rejected = [];
  const locked = [];
  for (const item of payload.setVariableData) {
    const component = item?.component ?? {};
    const variable = item?.variable ?? {};
    const id = variableId(component.name, variable.name, variable.instance);
    if (!managed.has(id)) {
      keep.push(item);
      continue;
    }
    locked.push(id);
    const result = { attributeStatus: "Rejected", component, variable };
    if (item.attributeType !== void 0) result.attributeType = item.attributeType;
    rejected.push(result);
  }
  if (rejected.length === 0) return { kind: "pass" };
  if (keep.length === 0) return { kind: "reject", answer: { setVariableResult: rejected }, locked };
  return { kind: "partial", keep, rejected, locked };
}

// src/rules/config-views.ts
var VARIABLES_FOR_16 = wireTable({
  metervaluessampleddata: ["SampledDataCtrlr.TxUpdatedMeasurands", "SampledDataCtrlr.TxStartedMeasurands"],
  stoptxnsampleddata: ["SampledDataCtrlr.TxEndedMeasurands"],
  metervaluesaligneddata: ["AlignedDataCtrlr.Measurands"],
  stoptxnaligneddata: ["AlignedDataCtrlr.TxEndedMeasurands"],
  metervaluesampleinterval: ["SampledDataCtrlr.TxUpdatedInterval"],
  clockaligneddatainterval: ["AlignedDataCtrlr.Interval"]
});
var keysOf = /* @__PURE__ */ new WeakMap();
function viewKeys(version, unionKeys, minKeys) {
  let made = keysOf.get(unionKeys);
  if (made === void 0) keysOf.set(unionKeys, made = /* @__PURE__ */ new Map());
  const id = `${version} ${minKeys.join(",")}`;
  const known = made.get(id);
  if (known !== void 0) return known;
  const keys = /* @__PURE__ */ new Map();
  const add = (configured, kind) => {
    for (const key2 of configured) {
      const names = version === "ocpp1.6" ? key2.includes(".") ? [] : [key2] : key2.includes(".") ? [key2] : VARIABLES_FOR_16[key2.toLowerCase()] ?? [];
      for (const name of names) keys.set(name.toLowerCase(), { name, kind });
    }
  };
  add(unionKeys, "union");
  add(minKeys, "min");
  made.set(id, keys);
  return keys;
}
function variableKeyId(component, variable) {
  return `${String(component?.name)}.${String(variable?.name)}`.toLowerCase();
}
function variableRef(name) {
  const ref = parseVariableKey(name);
  return ref === null ? null : { component: { name: ref.component.name }, variable: { name: ref.variable.name } };
}
function listItems(value) {
  return value.split(",").map((item) => item.trim()).filter((item) => item !== "");
}
function invalidValue(kind, value) {
  if (kind === "min" && !/^\s*\d+\s*$/.test(value)) return `'${value}' is not a non-negative whole number of seconds`;
  return null;
}
function effectiveValue(kind, views) {
  if (kind === "union") {
    const seen = /* @__PURE__ */ new Set();
    const items = [];
    for (const view of views) {
      for (const item of listItems(view)) {
        if (seen.has(item.toLowerCase())) continue;
        seen.add(item.toLowerCase());
        items.push(item);
      }
    }
    return items.join(",");
  }
  let smallest = 0;
  for (const view of views) {
    const seconds = Number(view.trim());
    if (Number.isFinite(seconds) && seconds > 0 && (smallest === 0 || seconds < smallest)) smallest = seconds;
  }
  return String(smallest);
}
function sameValue(kind, a, b) {
  if (kind === "min") return Number(a.trim()) === Number(b.trim());
  const left2 = new Set(listItems(a).map((item) => item.toLowerCase()));
  const right2 = listItems(b).map((item) => item.toLowerCase());
  return left2.size === new Set(right2).size && right2.every((item) => left2.has(item));
}

// src/ocpp/json-span.ts
function valueSpan(text3, path) {
  let start = skipSpace(text3, 0);
  for (const step of path) {
    const found = typeof step === "number" ? elementStart(text3, start, step) : memberStart(text3, start, step);
    if (found === -1) return null;
    start = found;
  }
  return [start, valueEnd(text3, start)];
}
function spliceValues(text3, changes) {
  const spans = changes.map((change) => ({ span: valueSpan(text3, change.path), json: JSON.stringify(change.value) })).filter((c) => c.span !== null).sort((a, b) => b.span[0] - a.span[0]);
  let out = text3;
  for (const { span, json } of spans) out = out.slice(0, span[0]) + json + out.slice(span[1]);
  return out;
}
function spliceJson(text3, changes) {
  const spans = changes.map((change) => ({ span: valueSpan(text3, change.path), json: change.json })).filter((c) => c.span !== null).sort((a, b) => b.span[0] - a.span[0]);
  let out = text3;
  for (const { span, json } of spans) out = out.slice(0, span[0]) + json + out.slice(span[1]);
  return out;
}
function valueText(text3, path) {
  const span = valueSpan(text3, path);
  return span === null ? null : text3.slice(span[0], span[1]);
}
function removeMember(text3, path, name) {
  const span = valueSpan(text3, path);
  if (span === null || text3[span[0]] !== "{") return text3;
  let i = skipSpace(text3, span[0] + 1);
  let previousEnd = -1;
  while (text3[i] === '"') {
    const keyStart = i;
    const keyEnd = stringEnd(text3, i);
    const key2 = JSON.parse(text3.slice(i, keyEnd));
    i = skipSpace(text3, skipSpace(text3, keyEnd) + 1);
    const end = valueEnd(text3, i);
    const next = skipSpace(text3, end);
    if (key2 === name) {
      if (text3[next] === ",") return text3.slice(0, keyStart) + text3.slice(skipSpace(text3, next + 1));
      return previousEnd === -1 ? text3.slice(0, keyStart) + text3.slice(next) : text3.slice(0, previousEnd) + text3.slice(next);
    }
    if (text3[next] !== ",") return text3;
    previousEnd = end;
    i = skipSpace(text3, next + 1);
  }
  return text3;
}
function appendToArray(text3, path, items) {
  const span = valueSpan(text3, path);
  if (span === null || text3[span[0]] !== "[" || items.length === 0) return text3;
  const close = span[1] - 1;
  const empty = skipSpace(text3, span[0] + 1) === close;
  return text3.slice(0, close) + (empty ? "" : ",") + items.join(",") + text3.slice(close);
}
function skipSpace(text3, i) {
  while (i < text3.length) {
    const c = text3.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    i++;
  }
  return i;
}
function stringEnd(text3, i) {
  for (i++; i < text3.length; i++) {
    const c = text3.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text3.length;
}
function valueEnd(text3, i) {
  const c = text3[i];
  if (c === '"') return stringEnd(text3, i);
  if (c !== "{" && c !== "[") {
    while (i < text3.length && !",]} \n\r	".includes(text3[i])) i++;
    return i;
  }
  let depth = 0;
  for (; i < text3.length; i++) {
    const ch = text3[i];
    if (ch === '"') i = stringEnd(text3, i) - 1;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      if (--depth === 0) return i + 1;
    }
  }
  return text3.length;
}
function elementStart(text3, arrayStart, index) {
  if (text3[arrayStart] !== "[") return -1;
  let i = skipSpace(text3, arrayStart + 1);
  if (text3[i] === "]") return -1;
  for (let n = 0; ; n++) {
    if (n === index) return i;
    i = skipSpace(text3, valueEnd(text3, i));
    if (text3[i] !== ",") return -1;
    i = skipSpace(text3, i + 1);
  }
}
function memberStart(text3, objectStart, name) {
  if (text3[objectStart] !== "{") return -1;
  let found = -1;
  let i = skipSpace(text3, objectStart + 1);
  if (text3[i] === "}") return -1;
  for (; ; ) {
    const keyEnd = stringEnd(text3, i);
    const raw = text3.slice(i + 1, keyEnd - 1);
    const key2 = raw.includes("\\") ? JSON.parse(text3.slice(i, keyEnd)) : raw;
    i = skipSpace(text3, keyEnd);
    i = skipSpace(text3, i + 1);
    if (key2 === name) found = i;
    i = skipSpace(text3, valueEnd(text3, i));
    if (text3[i] !== ",") return found;
    i = skipSpace(text3, i + 1);
  }
}

// src/rules/rule-types.ts
function expandPath(payload, pattern2) {
  let found = [{ path: [], value: payload }];
  for (const step of pattern2) {
    const next = [];
    for (const { path, value } of found) {
      if (step === "*") {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ path: [...path, i], value: item }));
      } else if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, step)) {
        next.push({ path: [...path, step], value: value[step] });
      }
    }
    found = next;
  }
  return found;
}

// src/rules/timestamps.ts
var FIELDS_16 = wireTable({
  StatusNotification: [["timestamp"]],
  StartTransaction: [["timestamp"]],
  StopTransaction: [["timestamp"], ["transactionData", "*", "timestamp"]],
  MeterValues: [["meterValue", "*", "timestamp"]]
});
var FIELDS_2 = wireTable({
  StatusNotification: [["timestamp"]],
  TransactionEvent: [["timestamp"], ["meterValue", "*", "timestamp"]],
  MeterValues: [["meterValue", "*", "timestamp"]],
  NotifyEvent: [["generatedAt"], ["eventData", "*", "timestamp"]],
  SecurityEventNotification: [["timestamp"]],
  NotifyReport: [["generatedAt"]],
  NotifyMonitoringReport: [["generatedAt"]],
  NotifyCustomerInformation: [["generatedAt"]],
  NotifyDisplayMessages: []
});
var NO_FIELDS = [];
var NO_CHANGES = [];
function fieldsOf(version) {
  return version === "ocpp1.6" ? FIELDS_16 : FIELDS_2;
}
var EARLIEST_MS = Date.UTC(2010, 0, 1);
var UNUSABLE = "";
var LOOSE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
function repairOf(value) {
  if (typeof value !== "string") return UNUSABLE;
  const instant = rfc3339Instant(value);
  if (!Number.isNaN(instant)) return instant >= EARLIEST_MS ? null : UNUSABLE;
  const loose = LOOSE.exec(value.trim());
  if (loose === null) return UNUSABLE;
  const [, date, time2, zone] = loose;
  const rewritten = `${date}T${time2}${rfc3339Offset(zone)}`;
  return rfc3339Instant(rewritten) >= EARLIEST_MS ? rewritten : UNUSABLE;
}
function rfc3339Offset(zone) {
  if (zone === void 0 || zone.length === 1) return "Z";
  if (zone.length === 3) return `${zone}:00`;
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}
var DASH = 45;
var COLON = 58;
var DOT = 46;
var PLUS = 43;
var MINUS = 45;
var LOWER_T = 116;
var LOWER_Z = 122;
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function rfc3339Instant(value) {
  const length = value.length;
  if (length < 20) return NaN;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || (value.charCodeAt(10) | 32) !== LOWER_T) return NaN;
  if (value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leapYear ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  let i = 19;
  let ms = 0;
  if (value.charCodeAt(i) === DOT) {
    const first = ++i;
    while (i < length && isDigit2(value.charCodeAt(i))) {
      if (i - first < 3) ms = ms * 10 + value.charCodeAt(i) - 48;
      i++;
    }
    if (i === first) return NaN;
    for (let place = i - first; place < 3; place++) ms *= 10;
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(i);
  if ((zone | 32) === LOWER_Z) {
    if (i + 1 !== length) return NaN;
  } else if (zone === PLUS || zone === MINUS) {
    if (i + 6 !== length || value.charCodeAt(i + 3) !== COLON) return NaN;
    const offsetHour = digits(value, i + 1, 2);
    const offsetMinute = digits(value, i + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return NaN;
    offsetMinutes = (zone === PLUS ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return NaN;
  }
  if (second === 60 && ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440 !== 1439) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute - offsetMinutes, second, ms);
}
function digits(text3, at2, count) {
  let number = 0;
  for (let i = at2; i < at2 + count; i++) {
    const code = text3.charCodeAt(i);
    if (!isDigit2(code)) return -1;
    number = number * 10 + code - 48;
  }
  return number;
}
function isDigit2(code) {
  return code >= 48 && code <= 57;
}
var timestampRule = {
  name: "timestamps",
  actions: (version) => Object.keys(fieldsOf(version)),
  fix(action, payload, context) {
    let changes = null;
    for (const pattern2 of fieldsOf(context.version)[action] ?? NO_FIELDS) {
      for (const { path, value } of expandPath(payload, pattern2)) {
        const repair = repairOf(value);
        if (repair !== null) (changes ??= []).push({ path, value: repair === UNUSABLE ? context.receivedAt : repair, was: value });
      }
    }
    return changes ?? NO_CHANGES;
  }
};

// src/rules/quirks.ts
function idTagLengthRule(maxLength) {
  return {
    name: "idtag_max_length",
    actions: (version) => version === "ocpp1.6" ? ["Authorize", "StartTransaction", "StopTransaction"] : [],
    fix(_action, payload) {
      const idTag = payload.idTag;
      if (typeof idTag !== "string" || idTag.length <= maxLength) return [];
      return [{ path: ["idTag"], value: idTag.slice(0, maxLength), was: idTag }];
    }
  };
}
var SAMPLED_VALUES = wireTable({
  MeterValues: ["meterValue", "*", "sampledValue", "*"],
  TransactionEvent: ["meterValue", "*", "sampledValue", "*"],
  StopTransaction: ["transactionData", "*", "sampledValue", "*"]
});
function powerScaleRule(factor, measurands) {
  const wanted = new Set(measurands);
  return {
    name: "power_scale",
    actions: () => Object.keys(SAMPLED_VALUES),
    fix(action, payload) {
      const changes = [];
      for (const { path, value: sample } of expandPath(payload, SAMPLED_VALUES[action])) {
        if (typeof sample !== "object" || sample === null) continue;
        const s = sample;
        if (s.format === "SignedData" || s.signedMeterValue !== void 0) continue;
        if (typeof s.measurand !== "string" || !wanted.has(s.measurand)) continue;
        const number = typeof s.value === "number" ? s.value : typeof s.value === "string" ? Number(s.value) : NaN;
        if (!Number.isFinite(number)) continue;
        const scaled = Math.round(number * factor * 1e3) / 1e3;
        changes.push({ path: [...path, "value"], value: typeof s.value === "string" ? String(scaled) : scaled, was: s.value });
      }
      return changes;
    }
  };
}

// src/rules/fixups.ts
var FrameContext = class {
  version;
  now = 0;
  formatted = null;
  constructor(version) {
    this.version = version;
  }
  get receivedAt() {
    return this.formatted ??= new Date(this.now).toISOString();
  }
  receivedNow(now) {
    this.now = now;
    this.formatted = null;
    return this;
  }
};
var sharedPipelines = /* @__PURE__ */ new WeakMap();
var FixupPipeline = class _FixupPipeline {
  /**
   * The pipeline for one charger: shared by all chargers of a version when no rule names charger
   * ids (a pipeline holds no state between frames, and frames are handled one at a time).
   */
  static for(rules, version, chargerId) {
    if (rules.some((rule) => rule.only?.chargerIds !== void 0)) return new _FixupPipeline(rules, version, chargerId);
    let byVersion = sharedPipelines.get(rules);
    if (byVersion === void 0) sharedPipelines.set(rules, byVersion = /* @__PURE__ */ new Map());
    let pipeline = byVersion.get(version);
    if (pipeline === void 0) byVersion.set(version, pipeline = new _FixupPipeline(rules, version, chargerId));
    return pipeline;
  }
  byAction = /* @__PURE__ */ new Map();
  context;
  constructor(rules, version, chargerId) {
    this.context = new FrameContext(version);
    for (const rule of rules) {
      if (rule.only?.chargerIds !== void 0 && !rule.only.chargerIds.includes(chargerId)) continue;
      for (const action of rule.actions(version)) {
        const list = this.byAction.get(action) ?? [];
        list.push(rule);
        this.byAction.set(action, list);
      }
    }
  }
  /** Null when nothing changes (the common case costs one map lookup), else the new text and what changed. */
  apply(action, payload, text3, charger, now) {
    const rules = this.byAction.get(action);
    if (rules === void 0) return null;
    const context = this.context.receivedNow(now);
    let changes = null;
    let fixes = null;
    for (const rule of rules) {
      if (!matches(rule, charger)) continue;
      for (const change of rule.fix(action, payload, context)) {
        (changes ??= []).push(change);
        (fixes ??= []).push({ rule: rule.name, field: change.path.join("."), was: change.was, now: change.value });
      }
    }
    if (changes === null || fixes === null) return null;
    return { text: spliceValues(text3, changes.map((c) => ({ path: [3, ...c.path], value: c.value }))), fixes };
  }
};
function matches(rule, charger) {
  const only = rule.only;
  if (only === void 0) return true;
  if (only.vendor !== void 0 && only.vendor.toLowerCase() !== charger.vendor?.toLowerCase()) return false;
  if (only.model !== void 0 && only.model.toLowerCase() !== charger.model?.toLowerCase()) return false;
  return true;
}
function configuredRules(fixups) {
  const rules = [];
  if (fixups.timestamps) rules.push(timestampRule);
  if (fixups.idTagMaxLength !== null) rules.push(idTagLengthRule(fixups.idTagMaxLength));
  if (fixups.powerScale !== null) rules.push(powerScaleRule(fixups.powerScale, fixups.powerMeasurands));
  return rules;
}

// src/sharing/config-views.ts
var BASE = "";
var NO_KEYS = /* @__PURE__ */ new Map();
var ConfigViews = class {
  charger;
  /** Upstream names, the primary first, then configuration order. */
  upstreams;
  store;
  keys = NO_KEYS;
  base = new LazyMap();
  views = new LazyMap();
  /** Key id → the value the charger holds as far as the proxy knows (or is being sent). */
  held = new LazyMap();
  constructor(charger, upstreams, store) {
    this.charger = charger;
    this.upstreams = upstreams;
    this.store = store;
    for (const row of store?.configViews(charger) ?? []) {
      if (row.upstream === BASE) this.base.set(row.key, row.value);
      else this.viewsOf(row.upstream).set(row.key, row.value);
    }
  }
  /** The view keys of this connection's version (by id). */
  useKeys(keys) {
    this.keys = keys;
  }
  key(id) {
    return this.keys.get(id);
  }
  get keyList() {
    return [...this.keys];
  }
  /** What `upstream` sees for a key: its own value, else the base; undefined when neither is known. */
  viewOf(upstream, id) {
    return this.views.get(upstream)?.get(id) ?? this.base.get(id);
  }
  /** Whether `upstream` set a key of its own (else it sees the base). */
  hasOwn(upstream, id) {
    return this.views.get(upstream)?.has(id) === true;
  }
  /** The value the charger should hold: computed from every upstream's view. */
  effective(id) {
    const kind = this.keys.get(id)?.kind;
    if (kind === void 0) return void 0;
    const views = this.upstreams.map((name) => this.viewOf(name, id)).filter((v) => v !== void 0);
    return views.length === 0 ? void 0 : effectiveValue(kind, views);
  }
  /** The value the charger holds (or is being sent), as far as the proxy knows. */
  chargerValue(id) {
    return this.held.get(id) ?? this.effective(id);
  }
  /** `upstream` writes a key: the view is taken at once and given back if the charger refuses. */
  write(upstream, id, value) {
    const kind = this.keys.get(id).kind;
    const own2 = this.viewsOf(upstream);
    const before = own2.get(id);
    const holds = this.chargerValue(id);
    own2.set(id, value);
    const next = this.effective(id);
    if (holds !== void 0 && sameValue(kind, holds, next)) {
      this.store?.setConfigView(this.charger, upstream, id, value);
      return { send: null, settle: () => void 0 };
    }
    this.held.set(id, next);
    return {
      send: next,
      settle: (accepted) => {
        if (accepted) {
          this.store?.setConfigView(this.charger, upstream, id, value);
          return;
        }
        if (before === void 0) own2.delete(id);
        else own2.set(id, before);
        if (this.held.get(id) === next) this.held.delete(id);
      }
    };
  }
  /**
   * The charger's own values, read at a connection (undefined: not answered). The first answer
   * (or `[autoconfig]`) becomes the base; returns the keys whose effective value the charger lacks.
   */
  chargerRead(values, autoconfig) {
    const resend = [];
    for (const [id, key2] of this.keys) {
      const read = values.get(id);
      if (!this.base.has(id)) {
        const base = autoconfig.get(id) ?? read;
        if (base !== void 0) {
          this.base.set(id, base);
          this.store?.setConfigView(this.charger, BASE, id, base);
        }
      }
      if (read === void 0) continue;
      const effective = this.effective(id);
      this.held.set(id, read);
      if (effective !== void 0 && !sameValue(key2.kind, read, effective)) {
        this.held.set(id, effective);
        resend.push([key2.name, effective]);
      }
    }
    return resend;
  }
  /** For /api/status: per key, the effective value and each upstream's view. */
  status() {
    const out = {};
    for (const [id, key2] of this.keys) {
      const views = {};
      for (const name of this.upstreams) views[name] = this.viewOf(name, id) ?? null;
      out[key2.name] = { effective: this.effective(id) ?? null, charger: this.held.get(id) ?? null, views };
    }
    return out;
  }
  viewsOf(upstream) {
    let own2 = this.views.get(upstream);
    if (own2 === void 0) this.views.set(upstream, own2 = /* @__PURE__ */ new Map());
    return own2;
  }
};

// src/stages/stage.ts
var FORWARD = { kind: "forward" };
function runChain(stages, direction, frame) {
  let current = frame;
  let notes = null;
  let rewriteAnswer = null;
  let onChargerAnswer = null;
  let filtered = false;
  let atSend = null;
  for (const stage of stages) {
    const decide = stage[direction];
    if (decide === void 0) continue;
    const decision = decide.call(stage, current);
    if (decision.kind !== "forward" && decision.kind !== "replace") {
      return { text: current.text, stopped: decision, notes: notes ?? [], rewriteAnswer: null, onChargerAnswer: null, filtered: false, atSend: null };
    }
    if (decision.note !== void 0) (notes ??= []).push(decision.note);
    if (decision.kind === "replace") {
      current = { ...current, text: decision.text };
      if (decision.filtered === true) filtered = true;
      if (decision.rewriteAnswer !== void 0) rewriteAnswer = composeRewrites(rewriteAnswer, decision.rewriteAnswer);
      if (decision.onChargerAnswer !== void 0) onChargerAnswer = bothHooks(onChargerAnswer, decision.onChargerAnswer);
      if (decision.atSend !== void 0) atSend = decision.atSend;
    }
  }
  return { text: current.text, stopped: null, notes: notes ?? NO_NOTES, rewriteAnswer, onChargerAnswer, filtered, atSend };
}
var NO_NOTES = [];
function composeRewrites(outer, inner) {
  return outer === null ? inner : (answer) => outer(inner(answer));
}
function bothHooks(first, then) {
  if (first === null) return then;
  return (answer) => {
    first(answer);
    then(answer);
  };
}

// src/stages/autoconfig-lock.ts
var AutoconfigLock = class {
  name = "autoconfig-lock";
  locked;
  upstream;
  constructor(locked, upstream) {
    this.locked = locked;
    this.upstream = upstream;
  }
  fromUpstream(frame) {
    if (frame.type !== "CALL" || frame.action !== "ChangeConfiguration" && frame.action !== "SetVariables") return FORWARD;
    const decision = lockDecision(frame.action, frame.payload, this.locked);
    if (decision.kind === "reject") {
      return { kind: "answer", payload: decision.answer, note: `${this.upstream} may not change ${decision.locked.join(", ")} ([autoconfig] lock)` };
    }
    if (decision.kind === "partial") {
      const rejected = decision.rejected.map((result) => JSON.stringify(result));
      return {
        kind: "replace",
        text: spliceValues(frame.text, [{ path: [3, "setVariableData"], value: decision.keep }]),
        note: `${decision.locked.join(", ")} removed from ${this.upstream}'s SetVariables ([autoconfig] lock)`,
        rewriteAnswer: (answer) => appendToArray(answer, [2, "setVariableResult"], rejected)
        // what the lock kept back
      };
    }
    return FORWARD;
  }
};

// src/sharing/control.ts
var CONTROL_REFUSALS = {
  "ocpp1.6": {
    RemoteStartTransaction: { status: "Rejected" },
    RemoteStopTransaction: { status: "Rejected" },
    SetChargingProfile: { status: "Rejected" },
    ClearChargingProfile: { status: "Unknown" },
    ChangeAvailability: { status: "Rejected" },
    Reset: { status: "Rejected" },
    UnlockConnector: { status: "UnlockFailed" }
  },
  ocpp2: {
    RequestStartTransaction: { status: "Rejected" },
    RequestStopTransaction: { status: "Rejected" },
    SetChargingProfile: { status: "Rejected" },
    ClearChargingProfile: { status: "Unknown" },
    ChangeAvailability: { status: "Rejected" },
    Reset: { status: "Rejected" },
    UnlockConnector: { status: "UnlockFailed" }
  }
};
function controlRefusal(version, action) {
  if (!CHARGING_CONTROL_ACTIONS.has(action)) return null;
  return CONTROL_REFUSALS[version === "ocpp1.6" ? "ocpp1.6" : "ocpp2"][action] ?? null;
}
var KEEP_DECISIONS = 20;
var ChargerControl = class {
  holder = null;
  since = null;
  /** When the holder last sent a control Call (ms). */
  lastControlAt = 0;
  /** The holder started a session that is still running: it keeps control until it ends. */
  sessionHeld = false;
  /** Connectors currently Faulted. */
  faulted = /* @__PURE__ */ new Set();
  lastCallBy = /* @__PURE__ */ new Map();
  decisions = [];
};
var ControlArbiter = class {
  chargers = /* @__PURE__ */ new Map();
  override = null;
  config;
  primary;
  home;
  onChange;
  constructor(config, home, onChange = () => {
  }) {
    this.config = config.sharing;
    this.primary = config.upstreams.find((u) => u.role === "primary")?.name ?? "primary";
    this.home = home;
    this.onChange = onChange;
  }
  get enabled() {
    return this.config.enabled;
  }
  control(charger) {
    let control = this.chargers.get(charger);
    if (control === void 0) this.chargers.set(charger, control = new ChargerControl());
    return control;
  }
  /** May `backend` send the control Call `action` to `charger` now? Records the decision. */
  decide(charger, backend, action, now = Date.now()) {
    const control = this.control(charger);
    const [allowed, reason] = this.evaluate(control, backend, now);
    if (allowed) control.lastCallBy.set(backend, now);
    const decision = { at: new Date(now).toISOString(), backend, action, allowed, reason };
    control.decisions.push(decision);
    if (control.decisions.length > KEEP_DECISIONS) control.decisions.shift();
    return decision;
  }
  /** A transaction began on the charger: a holder who asked for it keeps control for the whole session. */
  sessionStarted(charger, startedBy) {
    const control = this.control(charger);
    if (control.holder !== null && (startedBy === null || startedBy === control.holder)) control.sessionHeld = true;
  }
  sessionEnded(charger) {
    this.control(charger).sessionHeld = false;
  }
  /** StatusNotification: Faulted revokes control at once; it can be taken again once the connector recovers. */
  connectorStatus(charger, connector, status) {
    const control = this.control(charger);
    if (status === "Faulted") {
      control.faulted.add(connector);
      if (control.holder !== null) this.setHolder(charger, control, null, "charger faulted: control revoked");
    } else {
      control.faulted.delete(connector);
    }
  }
  setOverride(override) {
    this.override = override;
    if (override?.mode === "give" && override.to !== void 0) {
      for (const [charger, control] of this.chargers) this.setHolder(charger, control, override.to, `homeowner gave control to ${override.to}`);
    }
  }
  /** For /api/status. */
  describe(charger, now = Date.now()) {
    const control = this.control(charger);
    const leaseUntil = control.holder === null || control.sessionHeld ? null : new Date(control.lastControlAt + this.config.lease * 1e3).toISOString();
    const home = this.home();
    return {
      enabled: this.enabled,
      holder: control.holder,
      since: control.since,
      lease_until: leaseUntil !== null && Date.parse(leaseUntil) < now ? null : leaseUntil,
      session_held: control.sessionHeld,
      faulted: [...control.faulted],
      override: this.override,
      home_assistant: home,
      decisions: control.decisions
    };
  }
  evaluate(control, backend, now) {
    const override = this.override;
    if (override?.mode === "block") return [false, "homeowner override: all backend control blocked"];
    if (override?.mode === "give") {
      return override.to === backend ? [true, "homeowner gave control to this backend"] : [false, `homeowner gave control to ${override.to ?? "nobody"}`];
    }
    if (override?.mode === "allow") return [true, "homeowner override: every backend allowed"];
    const home = this.home();
    if (home?.blocked) return [false, `Home Assistant: ${home.reason}`];
    if (!this.config.enabled) return [true, "sharing is off: every upstream may control"];
    if (control.faulted.size > 0) return [false, `charger faulted (connector ${[...control.faulted].join(", ")})`];
    if (this.config.blocked.includes(backend)) return [false, "backend is in [sharing] blocked"];
    if (this.config.allowed.length > 0 && !this.config.allowed.includes(backend)) return [false, "backend is not in [sharing] allowed"];
    const last = control.lastCallBy.get(backend);
    if (this.config.rateLimitSeconds > 0 && last !== void 0 && now - last < this.config.rateLimitSeconds * 1e3) {
      return [false, `rate limit: one control call per ${this.config.rateLimitSeconds} s`];
    }
    if (this.config.primaryAlways && backend === this.primary) return [true, "the primary always has control"];
    const leaseOver = !control.sessionHeld && now - control.lastControlAt > this.config.lease * 1e3;
    if (control.holder === null || control.holder === backend || leaseOver) {
      const reason = control.holder === backend ? "holds control" : control.holder === null ? "control was free" : `lease of ${control.holder} expired`;
      this.setHolder(this.chargerOf(control), control, backend, reason, now);
      control.lastControlAt = now;
      return [true, reason];
    }
    if (backend === this.config.preferred) {
      const reason = `preferred backend takes control from ${control.holder}`;
      this.setHolder(this.chargerOf(control), control, backend, reason, now);
      control.lastControlAt = now;
      control.sessionHeld = false;
      return [true, reason];
    }
    return [false, `${control.holder} holds control${control.sessionHeld ? " for its session" : ` until its lease ends`}`];
  }
  setHolder(charger, control, holder, reason, now = Date.now()) {
    if (control.holder === holder) return;
    control.holder = holder;
    control.since = holder === null ? null : new Date(now).toISOString();
    if (holder === null) control.sessionHeld = false;
    control.decisions.push({ at: new Date(now).toISOString(), backend: holder ?? "-", action: "control", allowed: holder !== null, reason });
    if (control.decisions.length > KEEP_DECISIONS) control.decisions.shift();
    this.onChange(charger, control);
  }
  chargerOf(control) {
    for (const [charger, c] of this.chargers) if (c === control) return charger;
    return "?";
  }
};

// src/stages/control-gate.ts
var ControlGate = class {
  name = "control";
  control;
  chargerId;
  upstream;
  protocol;
  constructor(control, chargerId, upstream, protocol) {
    this.control = control;
    this.chargerId = chargerId;
    this.upstream = upstream;
    this.protocol = protocol;
  }
  fromUpstream(frame) {
    if (frame.type !== "CALL") return FORWARD;
    const refusal = controlRefusal(this.protocol, frame.action);
    if (refusal === null) return FORWARD;
    const decision = this.control.decide(this.chargerId, this.upstream, frame.action);
    if (!decision.allowed) return { kind: "answer", payload: refusal, note: `${this.upstream}'s ${frame.action} refused: ${decision.reason}` };
    return { kind: "forward", note: `${this.upstream}'s ${frame.action} allowed: ${decision.reason}` };
  }
};

// src/stages/policy-gate.ts
var PolicyGate = class {
  name = "policy";
  policy;
  upstream;
  constructor(policy, upstream) {
    this.policy = policy;
    this.upstream = upstream;
  }
  fromUpstream(frame) {
    const refusal = this.policy.refusal(frame.action);
    if (refusal === null) return FORWARD;
    return { kind: "error", code: "SecurityError", description: `${this.upstream}: ${refusal}`, note: `${this.upstream}'s ${frame.action} blocked: ${refusal}` };
  }
};

// src/stages/config-views.ts
var ACCEPTING = /* @__PURE__ */ new Set(["Accepted", "RebootRequired"]);
var ConfigViewsStage = class {
  name = "config-views";
  views;
  upstream;
  /** `[configuration] exclusive`: only this upstream may change keys outside the views (null: anyone). */
  exclusive;
  constructor(views, upstream, exclusive) {
    this.views = views;
    this.upstream = upstream;
    this.exclusive = exclusive;
  }
  fromUpstream(frame) {
    if (frame.type !== "CALL") return FORWARD;
    switch (frame.action) {
      case "ChangeConfiguration":
        return this.changeConfiguration(frame);
      case "SetVariables":
        return this.setVariables(frame);
      case "GetConfiguration":
        return { kind: "replace", text: frame.text, rewriteAnswer: (answer) => this.ownConfiguration(answer) };
      case "GetVariables":
        return { kind: "replace", text: frame.text, rewriteAnswer: (answer) => this.ownVariables(answer) };
      default:
        return FORWARD;
    }
  }
  mayChangeOthers() {
    return this.exclusive === null || this.exclusive === this.upstream;
  }
  changeConfiguration(frame) {
    const { key: key2, value } = frame.payload;
    if (typeof key2 !== "string" || typeof value !== "string") return FORWARD;
    const id = key2.toLowerCase();
    const viewKey = this.views.key(id);
    if (viewKey === void 0) {
      if (this.mayChangeOthers()) return FORWARD;
      return { kind: "answer", payload: { status: "Rejected" }, note: `${this.upstream} may not change ${key2} ([configuration] exclusive = ${this.exclusive})` };
    }
    const invalid = invalidValue(viewKey.kind, value);
    if (invalid !== null) return { kind: "answer", payload: { status: "Rejected" }, note: `${this.upstream}'s ${key2}: ${invalid}, Rejected` };
    const write = this.views.write(this.upstream, id, value);
    if (write.send === null) {
      return { kind: "answer", payload: { status: "Accepted" }, granted: true, note: `${this.upstream}'s view of ${key2} is now ${value}; the charger keeps ${this.views.chargerValue(id) ?? value}` };
    }
    return {
      kind: "replace",
      text: spliceValues(frame.text, [{ path: [3, "value"], value: write.send }]),
      note: `${this.upstream}'s view of ${key2} is ${value}: the charger gets ${write.send}`,
      onChargerAnswer: (answer) => write.settle(typeof answer?.status === "string" && ACCEPTING.has(answer.status))
    };
  }
  /**
   * View variables are answered by the proxy or sent with the effective value; the rest pass (or
   * are Rejected under `exclusive`); the answer is one list in the request's order.
   */
  setVariables(frame) {
    const items = JSON.parse(frame.text)[3].setVariableData;
    if (!Array.isArray(items)) return FORWARD;
    const plan = [];
    const forwarded = [];
    const notes = [];
    items.forEach((raw, index) => {
      const item = raw;
      const id = variableKeyId(item.component, item.variable);
      const viewKey = item.attributeType === void 0 || item.attributeType === "Actual" ? this.views.key(id) : void 0;
      const original = valueText(frame.text, [3, "setVariableData", index]);
      const result = (status) => {
        const own2 = { attributeStatus: status, component: item.component, variable: item.variable };
        if (item.attributeType !== void 0) own2.attributeType = item.attributeType;
        return own2;
      };
      if (viewKey === void 0) {
        if (this.mayChangeOthers()) {
          plan.push({ forwarded: forwarded.length, write: null });
          forwarded.push(original);
        } else {
          plan.push({ own: result("Rejected") });
          notes.push(`${this.upstream} may not change ${id} ([configuration] exclusive = ${this.exclusive})`);
        }
        return;
      }
      const value = String(item.attributeValue);
      const invalid = invalidValue(viewKey.kind, value);
      if (invalid !== null) {
        plan.push({ own: result("Rejected") });
        notes.push(`${this.upstream}'s ${viewKey.name}: ${invalid}, Rejected`);
        return;
      }
      const write = this.views.write(this.upstream, id, value);
      if (write.send === null) {
        plan.push({ own: result("Accepted") });
        notes.push(`${this.upstream}'s view of ${viewKey.name} is now ${value}; the charger keeps it as it is`);
        return;
      }
      plan.push({ forwarded: forwarded.length, write });
      forwarded.push(spliceValues(original, [{ path: ["attributeValue"], value: write.send }]));
      notes.push(`${this.upstream}'s view of ${viewKey.name} is ${value}: the charger gets ${write.send}`);
    });
    const note = notes.join("; ");
    if (forwarded.length === 0) {
      const answer = { setVariableResult: plan.map((step) => "own" in step ? step.own : null) };
      const granted = plan.every((step) => "own" in step && step.own.attributeStatus === "Accepted");
      return { kind: "answer", payload: answer, note, granted };
    }
    if (notes.length === 0) return FORWARD;
    return {
      kind: "replace",
      text: spliceJson(frame.text, [{ path: [3, "setVariableData"], json: `[${forwarded.join(",")}]` }]),
      note,
      onChargerAnswer: (answer) => {
        const results = Array.isArray(answer?.setVariableResult) ? answer.setVariableResult : [];
        for (const step of plan) {
          if ("forwarded" in step && step.write !== null) {
            const status = results[step.forwarded]?.attributeStatus;
            step.write.settle(typeof status === "string" && ACCEPTING.has(status));
          }
        }
      },
      rewriteAnswer: (answer) => {
        const parts = plan.map((step) => "own" in step ? JSON.stringify(step.own) : valueText(answer, [2, "setVariableResult", step.forwarded]));
        if (parts.some((part) => part === null)) return answer;
        return spliceJson(answer, [{ path: [2, "setVariableResult"], json: `[${parts.join(",")}]` }]);
      }
    };
  }
  /** A GetConfiguration answer with this upstream's view of the shared keys. */
  ownConfiguration(answer) {
    const keys = JSON.parse(answer)[2].configurationKey;
    if (!Array.isArray(keys)) return answer;
    const changes = [];
    keys.forEach((entry, index) => {
      const key2 = entry.key;
      if (typeof key2 !== "string" || this.views.key(key2.toLowerCase()) === void 0) return;
      const own2 = this.views.viewOf(this.upstream, key2.toLowerCase());
      if (own2 !== void 0 && own2 !== entry.value) changes.push({ path: [2, "configurationKey", index, "value"], value: own2 });
    });
    return changes.length === 0 ? answer : spliceValues(answer, changes);
  }
  /** A GetVariables answer with this upstream's view of the shared variables. */
  ownVariables(answer) {
    const results = JSON.parse(answer)[2].getVariableResult;
    if (!Array.isArray(results)) return answer;
    const changes = [];
    results.forEach((raw, index) => {
      const result = raw;
      if (result.attributeStatus !== "Accepted" || result.attributeType !== void 0 && result.attributeType !== "Actual") return;
      const id = variableKeyId(result.component, result.variable);
      if (this.views.key(id) === void 0) return;
      const own2 = this.views.viewOf(this.upstream, id);
      if (own2 !== void 0 && own2 !== result.attributeValue) changes.push({ path: [2, "getVariableResult", index, "attributeValue"], value: own2 });
    });
    return changes.length === 0 ? answer : spliceValues(answer, changes);
  }
};

// src/rules/charging-merge.ts
var UNLIMITED = { A: 1e3, W: 1e6 };
var DEFAULT_MAX_PERIODS = 1024;
var NO_LIMIT_FROM = "";
var DAY_MS = 864e5;
var KINDS = ["Absolute", "Recurring", "Relative"];
var cycleMs = (p) => p.recurrency === "Weekly" ? 7 * DAY_MS : DAY_MS;
function scheduleStart(p, t, transactionStart) {
  if (p.kind === "Relative") return transactionStart;
  if (p.startSchedule === void 0) return null;
  if (p.kind === "Absolute") return p.startSchedule;
  const cycle = cycleMs(p);
  return p.startSchedule + Math.floor((t - p.startSchedule) / cycle) * cycle;
}
function periodAt(p, t, transactionStart) {
  if (p.validFrom !== void 0 && t < p.validFrom) return null;
  if (p.validTo !== void 0 && t >= p.validTo) return null;
  const start = scheduleStart(p, t, transactionStart);
  if (start === null || t < start) return null;
  const offset = (t - start) / 1e3;
  if (p.duration !== void 0 && offset >= p.duration) return null;
  let found = null;
  for (const period of p.periods) {
    if (period.startPeriod > offset) break;
    found = period;
  }
  return found;
}
function limitAt(profiles, t, transactionStart = null) {
  let level = -Infinity;
  let found = null;
  for (const p of profiles) {
    if (p.stackLevel < level) continue;
    const period = periodAt(p, t, transactionStart);
    if (period === null) continue;
    level = p.stackLevel;
    found = { limit: period.limit, unit: p.unit, ...period.numberPhases !== void 0 ? { numberPhases: period.numberPhases } : {} };
  }
  return found;
}
function breakpoints(p, from, to, transactionStart, out) {
  for (const t of [p.validFrom, p.validTo]) if (t !== void 0) out.push(t);
  const starts = [];
  if (p.kind === "Relative") {
    if (transactionStart !== null) starts.push(transactionStart);
  } else if (p.startSchedule !== void 0) {
    if (p.kind === "Absolute") starts.push(p.startSchedule);
    else {
      const cycle = cycleMs(p);
      const last = Math.floor((to - p.startSchedule) / cycle);
      for (let k = Math.floor((from - p.startSchedule) / cycle); k <= last; k++) starts.push(p.startSchedule + k * cycle);
    }
  }
  for (const start of starts) {
    for (const period of p.periods) out.push(start + period.startPeriod * 1e3);
    if (p.duration !== void 0) out.push(start + p.duration * 1e3);
  }
}
function convert(limit, from, to, volts, phases) {
  if (from === to) return limit;
  return from === "A" ? limit * volts * phases : limit / (volts * phases);
}
function lowest(values, unit, options) {
  let numberPhases;
  for (const v of values) if (v?.numberPhases !== void 0) numberPhases = Math.min(numberPhases ?? Infinity, v.numberPhases);
  let limit = Infinity;
  let index = -1;
  values.forEach((v, i) => {
    if (v === null) return;
    const converted = convert(v.limit, v.unit, unit, options.volts, numberPhases ?? options.phases);
    if (converted < limit) [limit, index] = [converted, i];
  });
  return { limit: Math.min(limit, UNLIMITED[unit]), index, numberPhases };
}
function usable(inputs) {
  return inputs.map((input) => ({ from: input.from, profiles: input.profiles.filter((p) => invalidProfile(p) === null) }));
}
function timeless(input) {
  return input.profiles.every((p) => p.kind === "Recurring" && p.periods.length === 1 && p.duration === void 0 && p.validFrom === void 0 && p.validTo === void 0);
}
function allRelative(inputs) {
  const timed = inputs.filter((input) => input.profiles.length > 0 && !timeless(input));
  return timed.length > 0 && timed.every((input) => input.profiles.every((p) => p.kind === "Relative"));
}
function relativeDuration(inputs, horizon) {
  const durations = inputs.flatMap((input) => input.profiles.filter((p) => p.kind === "Relative").map((p) => p.duration));
  return durations.every((d) => d !== void 0) ? Math.ceil(Math.max(...durations)) : Math.floor(horizon);
}
function onSeconds(pieces, duration) {
  const cuts = /* @__PURE__ */ new Set([0]);
  for (const piece of pieces) cuts.add(Math.floor(piece.at / 1e3)).add(Math.ceil(piece.at / 1e3));
  const sorted = [...cuts].filter((s) => s >= 0 && s < duration).sort((a, b) => a - b);
  const out = [];
  let first = 0;
  sorted.forEach((at2, k) => {
    const end = sorted[k + 1] ?? duration;
    while (pieces[first].end <= at2 * 1e3) first++;
    let best = pieces[first];
    let numberPhases = best.numberPhases;
    for (let i = first + 1; i < pieces.length && pieces[i].at < end * 1e3; i++) {
      const piece = pieces[i];
      if (piece.limit < best.limit) best = piece;
      if (piece.numberPhases !== void 0) numberPhases = Math.min(numberPhases ?? Infinity, piece.numberPhases);
    }
    out.push({ at: at2, end, limit: best.limit, from: best.from, numberPhases });
  });
  return out;
}
function roundDown(limit, unit) {
  return unit === "A" ? Math.floor(limit * 10 + 1e-9) / 10 : Math.floor(limit + 1e-9);
}
function mergeSchedules(inputs, options) {
  const valid = usable(inputs);
  const relative2 = allRelative(valid);
  const origin = relative2 ? options.transactionStart ?? options.now : Math.floor(options.now / 1e3) * 1e3;
  const transactionStart = relative2 ? origin : options.transactionStart ?? null;
  const duration = relative2 ? relativeDuration(valid, options.horizon) : Math.floor(options.horizon);
  if (!(duration > 0)) return null;
  const end = origin + duration * 1e3;
  const points = [origin];
  for (const input of valid) for (const p of input.profiles) breakpoints(p, origin, end, transactionStart, points);
  const starts = [...new Set(points)].filter((t) => t >= origin && t < end).sort((a, b) => a - b);
  const values = starts.map((t) => valid.map((input) => limitAt(input.profiles, t, transactionStart)));
  const first = values.find((row) => row.some((v) => v !== null));
  if (first === void 0) return null;
  const unit = first[lowest(first, "W", options).index].unit;
  const pieces = values.map((row, k) => {
    const low = lowest(row, unit, options);
    const from2 = low.index < 0 ? NO_LIMIT_FROM : valid[low.index].from;
    return { at: starts[k] - origin, end: (starts[k + 1] ?? end) - origin, limit: low.limit, from: from2, numberPhases: low.numberPhases };
  });
  const periods = [];
  const from = [];
  for (const piece of onSeconds(pieces, duration)) {
    const limit = roundDown(piece.limit, unit);
    const last = periods.at(-1);
    if (last !== void 0 && last.limit === limit && last.numberPhases === piece.numberPhases) continue;
    periods.push({ startPeriod: piece.at, limit, ...piece.numberPhases !== void 0 ? { numberPhases: piece.numberPhases } : {} });
    from.push(piece.from);
  }
  const max = Math.max(1, options.maxPeriods ?? DEFAULT_MAX_PERIODS);
  const cut = periods.length > max ? periods[max].startPeriod : duration;
  return {
    kind: relative2 ? "Relative" : "Absolute",
    ...relative2 ? {} : { startSchedule: origin },
    duration: cut,
    unit,
    periods: periods.slice(0, max),
    from: from.slice(0, max)
  };
}
function mergedAsProfile(m, stackLevel = 0) {
  return {
    stackLevel,
    kind: m.kind,
    ...m.kind === "Absolute" ? { startSchedule: m.startSchedule ?? 0 } : {},
    duration: m.duration,
    unit: m.unit,
    periods: m.periods
  };
}
function sameSchedule(a, b, convertWith) {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  const profiles = [mergedAsProfile(a), mergedAsProfile(b)];
  const from = a.kind === "Absolute" ? Math.max(a.startSchedule ?? 0, b.startSchedule ?? 0) : 0;
  const until = Math.min(...profiles.map((p) => (p.startSchedule ?? 0) + p.duration * 1e3));
  const points = [from];
  for (const p of profiles) breakpoints(p, from, until, 0, points);
  for (const t of points) {
    if (t < from || t >= until) continue;
    const x = limitAt([profiles[0]], t, 0);
    const y = limitAt([profiles[1]], t, 0);
    if (x === null || y === null) {
      if (x !== y) return false;
      continue;
    }
    if (x.numberPhases !== y.numberPhases) return false;
    if (x.unit !== y.unit && convertWith === void 0) return false;
    const phases = x.numberPhases ?? convertWith?.phases ?? 1;
    const other = convert(y.limit, y.unit, x.unit, convertWith?.volts ?? 1, phases);
    if (Math.abs(x.limit - other) > 1e-6 * Math.max(1, Math.abs(x.limit))) return false;
  }
  return true;
}
function homeownerCap(limit, unit, numberPhases) {
  const period = { startPeriod: 0, limit, ...numberPhases !== void 0 ? { numberPhases } : {} };
  return { from: "homeowner", profiles: [{ stackLevel: 0, kind: "Recurring", recurrency: "Daily", startSchedule: 0, unit, periods: [period] }] };
}
var isObject2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var num = (value) => typeof value === "number" ? value : NaN;
function time(value) {
  if (value === void 0) return void 0;
  return typeof value === "string" ? Date.parse(value) : NaN;
}
function periodsOf(value) {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const period = isObject2(item) ? item : {};
    const numberPhases = period.numberPhases === void 0 ? void 0 : num(period.numberPhases);
    return { startPeriod: num(period.startPeriod), limit: num(period.limit), ...numberPhases !== void 0 ? { numberPhases } : {} };
  });
}
function profileFrom(p, schedule, now) {
  const kind = p.chargingProfileKind;
  const startSchedule = time(schedule.startSchedule) ?? (kind === "Relative" ? void 0 : now);
  const optional = {
    recurrency: p.recurrencyKind,
    validFrom: time(p.validFrom),
    validTo: time(p.validTo),
    startSchedule,
    duration: schedule.duration === void 0 ? void 0 : num(schedule.duration)
  };
  const out = { stackLevel: num(p.stackLevel), kind, unit: schedule.chargingRateUnit, periods: periodsOf(schedule.chargingSchedulePeriod) };
  for (const [key2, value] of Object.entries(optional)) if (value !== void 0) Object.assign(out, { [key2]: value });
  return out;
}
function profileFrom16(cs, now) {
  return profileFrom(cs, isObject2(cs.chargingSchedule) ? cs.chargingSchedule : {}, now);
}
function profileFrom201(p, now) {
  const schedules = Array.isArray(p.chargingSchedule) ? p.chargingSchedule : [];
  return profileFrom(p, isObject2(schedules[0]) ? schedules[0] : {}, now);
}
function invalidProfile(p) {
  if (!Number.isInteger(p.stackLevel) || p.stackLevel < 0) return "bad stackLevel";
  if (!KINDS.includes(p.kind)) return "unknown chargingProfileKind";
  if (p.unit !== "A" && p.unit !== "W") return "unknown chargingRateUnit";
  for (const key2 of ["validFrom", "validTo", "startSchedule"]) {
    const value = p[key2];
    if (value !== void 0 && !Number.isFinite(value)) return `bad ${key2}`;
  }
  if (p.validFrom !== void 0 && p.validTo !== void 0 && p.validTo <= p.validFrom) return "validTo is not after validFrom";
  if (p.duration !== void 0 && !(Number.isFinite(p.duration) && p.duration > 0 && p.duration <= 2147483647)) return "bad duration";
  if (p.kind === "Relative" && p.startSchedule !== void 0) return "Relative needs no startSchedule";
  if (p.kind !== "Relative" && p.startSchedule === void 0) return `${p.kind} needs startSchedule`;
  if (p.kind === "Recurring" && p.recurrency !== "Daily" && p.recurrency !== "Weekly") return "Recurring needs recurrencyKind Daily or Weekly";
  if (p.periods.length === 0) return "no periods";
  if (p.periods[0].startPeriod !== 0) return "periods do not start at 0";
  let previous = -1;
  for (const period of p.periods) {
    if (!Number.isInteger(period.startPeriod)) return "bad startPeriod";
    if (period.startPeriod <= previous) return "periods overlap or are not ascending";
    previous = period.startPeriod;
    if (!Number.isFinite(period.limit)) return "bad limit";
    if (period.limit < 0) return "negative limit";
    if (period.limit > UNLIMITED[p.unit]) return "absurd limit";
    if (period.numberPhases !== void 0 && !(Number.isInteger(period.numberPhases) && period.numberPhases >= 1 && period.numberPhases <= 3)) return "bad numberPhases";
  }
  if (p.kind === "Recurring" && previous * 1e3 >= cycleMs(p)) return "a period starts after the recurrence repeats";
  return null;
}
function periodsOut(m) {
  return m.periods.map((p) => ({ startPeriod: p.startPeriod, limit: p.limit, ...p.numberPhases !== void 0 ? { numberPhases: p.numberPhases } : {} }));
}
function startOut(m) {
  return m.kind === "Absolute" && m.startSchedule !== void 0 ? { startSchedule: new Date(m.startSchedule).toISOString() } : {};
}
function render16(m, id, stackLevel, purpose, transactionId) {
  return {
    chargingProfileId: id,
    ...transactionId !== void 0 ? { transactionId } : {},
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: m.kind,
    chargingSchedule: { duration: m.duration, ...startOut(m), chargingRateUnit: m.unit, chargingSchedulePeriod: periodsOut(m) }
  };
}
function render201(m, id, stackLevel, purpose, transactionId) {
  return {
    id,
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: m.kind,
    ...transactionId !== void 0 ? { transactionId } : {},
    chargingSchedule: [{ id: 1, ...startOut(m), duration: m.duration, chargingRateUnit: m.unit, chargingSchedulePeriod: periodsOut(m) }]
  };
}

// src/sharing/profile-ids.ts
var PROXY_PROFILE_ID_FIRST = 9e5;
var PROXY_PROFILE_ID_LAST = 999999;
var MAX_PURPOSES = /* @__PURE__ */ new Set(["ChargePointMaxProfile", "ChargingStationMaxProfile"]);
var PURPOSES = ["ChargePointMaxProfile", "ChargingStationMaxProfile", "TxDefaultProfile", "TxProfile", "ChargingStationExternalConstraints", "PriorityCharging", "LocalGeneration"];
function proxyProfileId(connector, purpose) {
  if (connector === 0 && MAX_PURPOSES.has(purpose)) return PROXY_PROFILE_ID_FIRST;
  const index = Math.max(0, PURPOSES.indexOf(purpose));
  return PROXY_PROFILE_ID_FIRST + 1 + (connector * PURPOSES.length + index) % (PROXY_PROFILE_ID_LAST - PROXY_PROFILE_ID_FIRST);
}

// src/stages/charging-profiles.ts
var isObject3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var int = (value) => typeof value === "number" && Number.isInteger(value) ? value : void 0;
var ChargingProfilesStage = class {
  name = "charging-profiles";
  profiles;
  upstream;
  is16;
  /** Connectors the charger reported (StatusNotification); empty: not known yet, any goes. */
  connectors;
  now;
  constructor(profiles, upstream, protocol, connectors, now = Date.now) {
    this.profiles = profiles;
    this.upstream = upstream;
    this.is16 = protocol === "ocpp1.6";
    this.connectors = connectors;
    this.now = now;
  }
  fromUpstream(frame) {
    if (frame.type !== "CALL") return FORWARD;
    switch (frame.action) {
      case "SetChargingProfile":
        return this.set(frame);
      case "ClearChargingProfile":
        return this.clear(frame);
      case "GetChargingProfiles":
        return this.is16 ? FORWARD : this.get(frame);
      case "RemoteStartTransaction":
        return this.is16 ? this.remoteStart(frame) : FORWARD;
      default:
        return FORWARD;
    }
  }
  /** The profile as it stands in the frame (an earlier stage may have translated its transactionId). */
  current(frame) {
    return JSON.parse(frame.text)[3];
  }
  set(frame) {
    const payload = this.current(frame);
    const raw = this.is16 ? payload.csChargingProfiles : payload.chargingProfile;
    const connector = int(this.is16 ? payload.connectorId : payload.evseId);
    if (!isObject3(raw) || connector === void 0) return FORWARD;
    const input = this.is16 ? profileFrom16(raw, this.now()) : profileFrom201(raw, this.now());
    const invalid = invalidProfile(input);
    if (invalid !== null) {
      return { kind: "error", code: "PropertyConstraintViolation", description: `charging profile refused: ${invalid}`, note: `${this.upstream}'s SetChargingProfile refused: ${invalid}` };
    }
    const id = int(this.is16 ? raw.chargingProfileId : raw.id);
    const purpose = raw.chargingProfilePurpose;
    if (id === void 0 || typeof purpose !== "string" || !PURPOSES.includes(purpose)) {
      return { kind: "error", code: "PropertyConstraintViolation", description: "charging profile refused: its id must be an integer and its purpose known", note: `${this.upstream}'s SetChargingProfile refused: no integer id or an unknown purpose` };
    }
    const known = this.connectors();
    if (connector !== 0 && known.size > 0 && !known.has(connector)) {
      return { kind: "answer", payload: { status: "Rejected" }, note: `${this.upstream}'s SetChargingProfile is for connector ${connector}, which this charger does not have: Rejected` };
    }
    if (purpose === "TxProfile" && !this.profiles.hasTransaction(connector)) {
      return { kind: "answer", payload: { status: "Rejected" }, note: `${this.upstream}'s TxProfile for connector ${connector}: no transaction runs there, Rejected` };
    }
    const profile = { upstream: this.upstream, connector, purpose, id, raw, input };
    const later = this.profiles.setLater(profile);
    let send;
    return {
      kind: "replace",
      text: frame.text,
      note: `${this.upstream}'s charging profile ${id} (connector ${connector}, ${profile.purpose}) joins the merge`,
      atSend: () => {
        send = later.decide();
        if (send === null) return { answer: { status: "Accepted" }, note: `${this.upstream}'s charging profile ${id} kept; the charger's limit does not change` };
        return { text: JSON.stringify([2, frame.id, send.action, send.payload]) };
      },
      rewriteAnswer: (answer) => send?.action === "ClearChargingProfile" ? answer.replace(/"status"\s*:\s*"[A-Za-z]+"/, '"status":"Accepted"') : answer,
      onChargerAnswer: (answer) => {
        if (send === void 0) later.abandon();
        else if (send !== null) send.settle(answer?.status === "Accepted" || send.action === "ClearChargingProfile" && answer?.status === "Unknown");
      }
    };
  }
  clear(frame) {
    const payload = this.current(frame);
    const criteria = {};
    const given = this.is16 ? payload.id : payload.chargingProfileId;
    const id = int(given);
    if (given !== void 0 && id === void 0) {
      return { kind: "error", code: "TypeConstraintViolation", description: "the charging profile id must be an integer", note: `${this.upstream}'s ClearChargingProfile refused: its id is not an integer` };
    }
    if (id !== void 0) criteria.id = id;
    const filter = this.is16 ? payload : isObject3(payload.chargingProfileCriteria) ? payload.chargingProfileCriteria : {};
    const connector = int(this.is16 ? filter.connectorId : filter.evseId);
    if (connector !== void 0) criteria.connector = connector;
    if (typeof filter.chargingProfilePurpose === "string") criteria.purpose = filter.chargingProfilePurpose;
    const stackLevel = int(filter.stackLevel);
    if (stackLevel !== void 0) criteria.stackLevel = stackLevel;
    const matched = this.profiles.clear(this.upstream, criteria);
    return {
      kind: "answer",
      payload: { status: matched ? "Accepted" : "Unknown" },
      granted: true,
      note: matched ? `${this.upstream}'s matching charging profiles cleared; the charger gets the others' limits` : `${this.upstream} has no matching charging profile: Unknown`
    };
  }
  /** 2.0.1+: answered from this upstream's own profiles; the reports follow as the proxy's Calls. */
  get(frame) {
    const payload = this.current(frame);
    const criteria = {};
    const filter = isObject3(payload.chargingProfile) ? payload.chargingProfile : {};
    const evse = int(payload.evseId);
    if (evse !== void 0) criteria.connector = evse;
    if (typeof filter.chargingProfilePurpose === "string") criteria.purpose = filter.chargingProfilePurpose;
    const stackLevel = int(filter.stackLevel);
    if (stackLevel !== void 0) criteria.stackLevel = stackLevel;
    if (Array.isArray(filter.chargingProfileId)) criteria.ids = filter.chargingProfileId.filter((n) => typeof n === "number");
    const sources = filter.chargingLimitSource;
    const own2 = Array.isArray(sources) && !sources.includes("CSO") ? [] : this.profiles.own(this.upstream, criteria);
    if (own2.length === 0) return { kind: "answer", payload: { status: "NoProfiles" }, granted: true, note: `${this.upstream} has no matching charging profile` };
    const requestId = payload.requestId;
    const byEvse = /* @__PURE__ */ new Map();
    for (const p of own2) byEvse.set(p.connector, [...byEvse.get(p.connector) ?? [], p.raw]);
    const evses = [...byEvse];
    const then = evses.map(([evseId, chargingProfile], index) => ({
      action: "ReportChargingProfiles",
      payload: { requestId, chargingLimitSource: "CSO", evseId, chargingProfile, ...index < evses.length - 1 ? { tbc: true } : {} }
    }));
    return { kind: "answer", payload: { status: "Accepted" }, granted: true, note: `${this.upstream}'s own ${own2.length} charging profiles reported`, then };
  }
  /** 1.6: the charger starts the transaction without the profile; the profile joins the merge for it. */
  remoteStart(frame) {
    const payload = this.current(frame);
    const raw = payload.chargingProfile;
    if (!isObject3(raw)) return FORWARD;
    const input = profileFrom16(raw, this.now());
    const invalid = invalidProfile(input);
    if (invalid !== null) {
      return { kind: "error", code: "PropertyConstraintViolation", description: `charging profile refused: ${invalid}`, note: `${this.upstream}'s RemoteStartTransaction refused: its profile ${invalid}` };
    }
    const connector = int(payload.connectorId) ?? 0;
    const profile = { upstream: this.upstream, connector, purpose: "TxProfile", id: int(raw.chargingProfileId) ?? 0, raw, input };
    this.profiles.remoteStartProfile(profile);
    const { chargingProfile: _left, ...rest } = payload;
    return {
      kind: "replace",
      text: JSON.stringify([2, frame.id, "RemoteStartTransaction", rest]),
      note: `${this.upstream}'s RemoteStartTransaction profile joins the merge for the transaction that starts`,
      onChargerAnswer: (answer) => {
        if (answer?.status !== "Accepted") this.profiles.dropRemoteStartProfile(profile);
      }
    };
  }
};

// src/stages/meter-views.ts
var KEYS_16 = {
  measurands: (context, inStop) => inStop ? context === "Sample.Clock" ? "stoptxnaligneddata" : "stoptxnsampleddata" : context === "Sample.Clock" ? "metervaluesaligneddata" : "metervaluessampleddata",
  interval: "metervaluesampleinterval"
};
var KEYS_201 = {
  measurands: (context) => context === "Transaction.Begin" ? "sampleddatactrlr.txstartedmeasurands" : context === "Transaction.End" ? "sampleddatactrlr.txendedmeasurands" : context === "Sample.Clock" ? "aligneddatactrlr.measurands" : "sampleddatactrlr.txupdatedmeasurands",
  interval: "sampleddatactrlr.txupdatedinterval"
};
var METER_FIELD = wireTable({ MeterValues: "meterValue", StopTransaction: "transactionData", TransactionEvent: "meterValue" });
var MeterViews = class {
  name = "meter-views";
  views;
  upstream;
  keys;
  /** Connector → when this upstream last got sampled MeterValues (ms). */
  lastSampled = new LazyMap();
  now;
  constructor(views, upstream, protocol, now = Date.now) {
    this.views = views;
    this.upstream = upstream;
    this.keys = protocol === "ocpp1.6" ? KEYS_16 : KEYS_201;
    this.now = now;
  }
  toUpstream(frame) {
    const field2 = METER_FIELD[frame.action];
    if (field2 === void 0 || frame.toAnswerer === true) return FORWARD;
    const meterValues = frame.payload[field2];
    if (!Array.isArray(meterValues)) return FORWARD;
    const inStop = frame.action === "StopTransaction";
    const allowed = /* @__PURE__ */ new Map();
    const measurandsOf = (key2) => {
      if (!allowed.has(key2)) allowed.set(key2, this.filterFor(key2));
      return allowed.get(key2);
    };
    const keptValues = [];
    let removed = 0;
    let sampled = false;
    meterValues.forEach((raw, i) => {
      const samples = raw.sampledValue;
      if (!Array.isArray(samples)) return;
      const kept = [];
      samples.forEach((sample, j) => {
        const { context = "Sample.Periodic", measurand = "Energy.Active.Import.Register" } = sample;
        const filter = measurandsOf(this.keys.measurands(context, inStop));
        if (filter !== null && !filter.has(measurand.toLowerCase())) return void removed++;
        if (context !== "Sample.Clock") sampled = true;
        kept.push(valueText(frame.text, [3, field2, i, "sampledValue", j]));
      });
      if (kept.length === 0) return;
      const element = valueText(frame.text, [3, field2, i]);
      keptValues.push(kept.length === samples.length ? element : spliceJson(element, [{ path: ["sampledValue"], json: `[${kept.join(",")}]` }]));
    });
    if (keptValues.length === 0 && frame.action === "MeterValues") {
      return { kind: "drop", note: `none of these measurands is in ${this.upstream}'s configuration view` };
    }
    if (sampled && this.rateLimited(frame.action, frame.payload) && !this.rateAllows(frame.payload)) {
      return { kind: "drop", note: `${this.upstream}'s configuration view samples less often` };
    }
    if (removed === 0) return FORWARD;
    const text3 = keptValues.length === 0 ? removeMember(frame.text, [3], field2) : spliceJson(frame.text, [{ path: [3, field2], json: `[${keptValues.join(",")}]` }]);
    return { kind: "replace", text: text3, filtered: true, note: `${removed} sampled values not in ${this.upstream}'s configuration view left out` };
  }
  /** The measurands this upstream's view lists for `key`, or null when it needs no filter. */
  filterFor(key2) {
    const view = this.views.viewOf(this.upstream, key2);
    if (view === void 0) return null;
    const charger = this.views.chargerValue(key2);
    if (charger !== void 0 && sameValue("union", view, charger)) return null;
    return new Set(listItems(view).map((item) => item.toLowerCase()));
  }
  /**
   * Frames that only carry periodic samples: MeterValues, and the 2.0.1+ TransactionEvent
   * `Updated` sent for `MeterValuePeriodic` (any other trigger carries a state change and always goes).
   */
  rateLimited(action, payload) {
    if (action === "MeterValues") return true;
    return action === "TransactionEvent" && payload.eventType === "Updated" && payload.triggerReason === "MeterValuePeriodic";
  }
  /** Whether sampled values may go to this upstream now (its own interval, per connector); counts it if so. */
  rateAllows(payload) {
    const key2 = this.keys.interval;
    const own2 = Number(this.views.viewOf(this.upstream, key2));
    const charger = Number(this.views.chargerValue(key2));
    if (!(own2 > 0) || own2 <= charger) return true;
    const transaction = payload.transactionInfo?.transactionId;
    const connector = transaction !== void 0 ? `tx ${String(transaction)}` : String(payload.connectorId ?? payload.evseId ?? 0);
    const now = this.now();
    const last = this.lastSampled.get(connector);
    if (last !== void 0 && now - last < own2 * 1e3) return false;
    this.lastSampled.set(connector, now);
    return true;
  }
};

// src/stages/transaction-ids.ts
function spliceIds(text3, ids) {
  return spliceValues(text3, ids.map((change) => ({ path: [3, ...change.path], value: change.value })));
}
var TransactionIds = class {
  name = "transaction-ids";
  transactions;
  link;
  constructor(transactions, link) {
    this.transactions = transactions;
    this.link = link;
  }
  toUpstream(frame) {
    const ids = this.transactions.idsForUpstream(this.link, frame.action, frame.payload);
    return ids.length === 0 ? FORWARD : { kind: "replace", text: spliceIds(frame.text, ids) };
  }
  fromUpstream(frame) {
    if (frame.type !== "CALL") return FORWARD;
    const ids = this.transactions.upstreamCall(this.link, frame.action, frame.payload);
    return ids.length === 0 ? FORWARD : { kind: "replace", text: spliceIds(frame.text, ids) };
  }
};

// src/stages/id-tokens.ts
var TO_UPSTREAM_16 = wireTable({ Authorize: [3, "idTag"], StartTransaction: [3, "idTag"], StopTransaction: [3, "idTag"] });
var TO_UPSTREAM_2 = wireTable({ Authorize: [3, "idToken", "idToken"], TransactionEvent: [3, "idToken", "idToken"] });
var FROM_UPSTREAM_16 = wireTable({ RemoteStartTransaction: [3, "idTag"], ReserveNow: [3, "idTag"] });
var FROM_UPSTREAM_2 = wireTable({ RequestStartTransaction: [3, "idToken", "idToken"], ReserveNow: [3, "idToken", "idToken"] });
function at(payload, path) {
  let value = payload;
  for (const step of path.slice(1)) value = typeof value === "object" && value !== null ? value[step] : void 0;
  return value;
}
var IdTokens = class {
  name = "id-tokens";
  upstream;
  /** Charger tag (upper-cased) → this upstream's; and back. */
  toUpstreamTags;
  toChargerTags;
  single;
  toUpstreamPaths;
  fromUpstreamPaths;
  constructor(upstream, protocol, map, single) {
    this.upstream = upstream;
    this.toUpstreamTags = new Map(map.map(([charger, own2]) => [charger.toUpperCase(), own2]));
    this.toChargerTags = new Map(map.map(([charger, own2]) => [own2.toUpperCase(), charger]));
    this.single = single;
    const is16 = protocol === "ocpp1.6";
    this.toUpstreamPaths = is16 ? TO_UPSTREAM_16 : TO_UPSTREAM_2;
    this.fromUpstreamPaths = is16 ? FROM_UPSTREAM_16 : FROM_UPSTREAM_2;
  }
  toUpstream(frame) {
    const path = this.toUpstreamPaths[frame.action];
    if (path === void 0) return FORWARD;
    const tag = at(frame.payload, path);
    if (typeof tag !== "string") return FORWARD;
    const own2 = this.single ?? this.toUpstreamTags.get(tag.toUpperCase());
    if (own2 === void 0 || own2 === tag) return FORWARD;
    return { kind: "replace", text: spliceValues(frame.text, [{ path, value: own2 }]) };
  }
  fromUpstream(frame) {
    const path = this.fromUpstreamPaths[frame.action];
    if (path === void 0 || this.toChargerTags.size === 0) return FORWARD;
    const tag = at(frame.payload, path);
    if (typeof tag !== "string") return FORWARD;
    const charger = this.toChargerTags.get(tag.toUpperCase());
    if (charger === void 0) return FORWARD;
    return { kind: "replace", text: spliceValues(frame.text, [{ path, value: charger }]), note: `${this.upstream}'s ${frame.action} for its token: the charger gets its own card` };
  }
};

// src/stages/chain.ts
function stageChain(inputs) {
  const stages = [
    new PolicyGate(inputs.policy, inputs.upstream),
    new ControlGate(inputs.control, inputs.chargerId, inputs.upstream, inputs.protocol),
    new TransactionIds(inputs.transactions, inputs.link)
  ];
  const tokens = inputs.idTokens;
  if (tokens !== void 0 && (tokens.map.length > 0 || tokens.single !== null)) stages.push(new IdTokens(inputs.upstream, inputs.protocol, tokens.map, tokens.single));
  if (inputs.lockedKeys !== null) stages.push(new AutoconfigLock(inputs.lockedKeys, inputs.upstream));
  if (inputs.views !== null) stages.push(new ConfigViewsStage(inputs.views, inputs.upstream, inputs.exclusive), new MeterViews(inputs.views, inputs.upstream, inputs.protocol));
  if (inputs.profiles !== null) stages.push(new ChargingProfilesStage(inputs.profiles, inputs.upstream, inputs.protocol, inputs.connectors));
  return stages;
}

// src/stages/transaction-versions.ts
var OCPP162 = {
  route(router, action, payload, callId) {
    switch (action) {
      case "Authorize":
        return router.routeTo(router.ownerOfTag(str(payload.idTag)));
      case "StartTransaction":
        return router.routeStart(payload, callId);
      case "MeterValues":
        return payload.transactionId === void 0 ? null : router.routeTo(router.ownerOfTx(String(payload.transactionId)));
      case "StopTransaction":
        return router.routeTo(router.ownerOfTx(String(payload.transactionId)));
      default:
        return null;
    }
  },
  chargerTxPaths: wireTable({ MeterValues: ["transactionId"], StopTransaction: ["transactionId"] }),
  upstreamTxPaths: wireTable({
    RemoteStopTransaction: ["transactionId"],
    SetChargingProfile: ["csChargingProfiles", "transactionId"],
    GetCompositeSchedule: ["transactionId"]
  }),
  upstreamsNumberTransactions: true,
  stopOf(action, payload) {
    if (action !== "StopTransaction") return null;
    return { chargerTx: String(payload.transactionId), stoppedAt: str(payload.timestamp), meterStop: num2(payload.meterStop), reason: str(payload.reason) ?? "Local" };
  }
};
var OCPP2 = {
  route(router, action, payload) {
    if (action === "Authorize") return router.routeTo(router.ownerOfTag(str(payload.idToken?.idToken)));
    if (action === "TransactionEvent") return router.routeTo(router.ownerOfEvent(payload));
    return null;
  },
  chargerTxPaths: wireTable({}),
  upstreamTxPaths: wireTable({}),
  upstreamsNumberTransactions: false,
  stopOf(action, payload) {
    if (action !== "TransactionEvent" || payload.eventType !== "Ended") return null;
    const info = payload.transactionInfo ?? {};
    return { chargerTx: String(info.transactionId), stoppedAt: str(payload.timestamp), meterStop: energyWh(payload), reason: str(info.stoppedReason) ?? "Local" };
  }
};
function str(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
function num2(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function energyWh(payload) {
  const meterValues = payload.meterValue;
  if (!Array.isArray(meterValues)) return null;
  for (const meterValue of meterValues) {
    for (const sample of meterValue.sampledValue ?? []) {
      const measurand = sample.measurand ?? "Energy.Active.Import.Register";
      if (measurand !== "Energy.Active.Import.Register" || typeof sample.value !== "number") continue;
      const unit = (sample.unitOfMeasure ?? {}).unit;
      const multiplier = (sample.unitOfMeasure ?? {}).multiplier;
      const scale = (unit === "kWh" ? 1e3 : 1) * 10 ** (typeof multiplier === "number" ? multiplier : 0);
      return sample.value * scale;
    }
  }
  return null;
}

// src/stages/transactions.ts
var MAX_REMOTE_STARTS = 100;
var REMOTE_START_TTL_MS = 10 * 60 * 1e3;
var Transactions = class {
  /** Also told of transaction starts and stops (the charging-profile merge of this charger). */
  onTransaction = null;
  chargerId;
  rules;
  byName = /* @__PURE__ */ new Map();
  observers;
  defaultOwner;
  split;
  /** True when any tag is assigned: transaction messages then go to their owner (and observers) only. */
  splitMode;
  store;
  logger;
  /** charger transaction id → owner name */
  owners;
  /** charger transaction id → upstream name → that upstream's id (1.6 non-owners) */
  upstreamIds;
  pendingStarts = new LazyMap();
  /** StartTransaction content → the charger Call id it first came with, and the owner's answer once known. */
  startsSeen = new LazyMap();
  remoteStartTags = new LazyMap();
  remoteStartIds = new LazyMap();
  /** 2.0.1 transactions whose owner is still the default guess (no idToken seen yet). */
  undecided;
  events;
  prices;
  constructor(chargerId, version, links, split, store, logger, events = null, prices = /* @__PURE__ */ new Map()) {
    this.events = events;
    this.prices = prices;
    this.chargerId = chargerId;
    this.rules = version === "ocpp1.6" ? OCPP162 : OCPP2;
    for (const link of links) this.byName.set(link.name, link);
    this.observers = links.filter((link) => link.role === "observer" || link.role === "reporter");
    this.split = split;
    this.splitMode = split.tagOwners.size > 0;
    this.defaultOwner = this.byName.get(split.defaultOwner) ?? links[0];
    this.store = store;
    this.logger = logger;
    const loaded = store?.loadCharger(chargerId) ?? { owners: new LazyMap(), guessed: new LazySet(), upstreamIds: new LazyMap() };
    this.owners = loaded.owners;
    this.undecided = loaded.guessed;
    this.upstreamIds = loaded.upstreamIds;
  }
  /** Where a charger Call goes. Null: charger-wide (every upstream; the primary answers). 'resent': see resentStart. */
  routeChargerCall(action, payload, callId) {
    return this.rules.route(this, action, payload, callId);
  }
  /**
   * A StartTransaction the charger sent again (its answer was lost or late): the owner's answer
   * under the new id if it is known, else null (it will go to the new id when it comes).
   */
  resentStart(payload, callId) {
    const seen = this.startsSeen.get(startKey(payload));
    if (seen === void 0) return null;
    seen.latestId = callId;
    return seen.answer;
  }
  /** The charger Call id the owner's answer must carry (a resent start moves it to the newest). */
  answerIdFor(action, callId) {
    if (action !== "StartTransaction") return callId;
    const pending = this.pendingStarts.get(callId);
    return pending === void 0 ? callId : this.startsSeen.get(pending.key)?.latestId ?? callId;
  }
  /** An upstream answered a charger Call: learn transaction ids from StartTransaction answers. */
  upstreamAnswered(link, action, callId, payload, answerText) {
    if (action !== "StartTransaction" || !this.rules.upstreamsNumberTransactions) return;
    const pending = this.pendingStarts.get(callId);
    if (pending === void 0 || payload === null) return;
    const tx = payload.transactionId;
    if (typeof tx !== "number" && typeof tx !== "string") return;
    if (link === pending.owner) {
      pending.chargerTx = String(tx);
      const seen = this.startsSeen.get(pending.key);
      if (seen !== void 0) seen.answer = answerText;
      this.recordStart(pending);
    } else {
      pending.otherIds.set(link.name, String(tx));
    }
    if (pending.chargerTx !== null) {
      for (const [name, upstreamTx] of pending.otherIds) this.recordUpstreamTx(pending.chargerTx, name, upstreamTx);
      pending.otherIds.clear();
    }
  }
  /**
   * A StartTransaction replayed from an upstream's outbox (after a restart, its pending start is
   * gone) was answered: that upstream's id for the charger's transaction `chargerTx`.
   */
  replayedStartAnswered(link, chargerTx, payload) {
    const tx = payload.transactionId;
    if (!this.rules.upstreamsNumberTransactions || typeof tx !== "number" && typeof tx !== "string") return;
    if (this.upstreamIds.get(chargerTx)?.get(link.name) === void 0) this.recordUpstreamTx(chargerTx, link.name, String(tx));
  }
  /** Charger Call → one upstream: the transaction id that upstream knows, if it is not the owner. */
  idsForUpstream(link, action, payload) {
    const path = this.rules.chargerTxPaths[action];
    if (path === void 0 || payload.transactionId === void 0) return [];
    const theirs = this.upstreamIds.get(String(payload.transactionId))?.get(link.name);
    if (theirs === void 0) return [];
    return [{ path, value: numericLike(theirs) }];
  }
  /** Upstream Call → charger: notes remote starts, and maps the upstream's transaction ids to the charger's. */
  upstreamCall(link, action, payload) {
    if (action === "RemoteStartTransaction" && typeof payload.idTag === "string") {
      this.remoteStartTags.set(payload.idTag.toUpperCase(), { link, at: Date.now() });
      if (this.remoteStartTags.size > MAX_REMOTE_STARTS) this.remoteStartTags.delete(this.remoteStartTags.keys().next().value);
    } else if (action === "RequestStartTransaction" && payload.remoteStartId !== void 0) {
      this.remoteStartIds.set(String(payload.remoteStartId), link);
      if (this.remoteStartIds.size > MAX_REMOTE_STARTS) this.remoteStartIds.delete(this.remoteStartIds.keys().next().value);
    }
    const path = this.rules.upstreamTxPaths[action];
    if (path === void 0) return [];
    let value = payload;
    for (const step of path) value = value?.[step];
    if (value === void 0) return [];
    for (const [chargerTx, ids] of this.upstreamIds) {
      if (ids.get(link.name) === String(value)) return [{ path, value: numericLike(chargerTx) }];
    }
    return [];
  }
  /** 1.6 StopTransaction or 2.0.1 TransactionEvent Ended: close the session row. */
  chargerCallForwarded(action, payload) {
    const stop = this.rules.stopOf(action, payload);
    if (stop === null) return;
    const owner = this.ownerOfTx(stop.chargerTx).name;
    let finished = { energy_kwh: null, revenue: null };
    try {
      if (this.store !== null) finished = this.store.stopTransaction({ charger: this.chargerId, ...stop }, owner, this.prices.get(owner) ?? null);
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${error.message}`);
    }
    this.emit({
      event: "transaction_stopped",
      charger: this.chargerId,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      transactionId: stop.chargerTx,
      owner,
      reason: stop.reason,
      energy_kwh: finished.energy_kwh,
      revenue: finished.revenue
    });
  }
  ownerOf(chargerTx) {
    return this.owners.get(chargerTx);
  }
  // ---- decisions ---------------------------------------------------------------------------
  /** A routing step (`Router`), used by the version rules. */
  routeTo(owner) {
    return { targets: this.splitMode ? [owner, ...this.observers.filter((o) => o !== owner)] : null, answerer: owner };
  }
  /** A routing step (`Router`), used by the version rules. */
  ownerOfTag(tag) {
    if (tag === null) return this.defaultOwner;
    const upper = tag.toUpperCase();
    const remote = this.remoteStartTags.get(upper);
    if (remote !== void 0 && Date.now() - remote.at < REMOTE_START_TTL_MS) return remote.link;
    const name = this.split.tagOwners.get(upper);
    return (name === void 0 ? void 0 : this.byName.get(name)) ?? this.defaultOwner;
  }
  /** A routing step (`Router`), used by the version rules. */
  ownerOfTx(chargerTx) {
    const name = this.owners.get(chargerTx);
    return (name === void 0 ? void 0 : this.byName.get(name)) ?? this.defaultOwner;
  }
  /** A routing step (`Router`), used by the version rules. */
  routeStart(payload, callId) {
    const key2 = startKey(payload);
    if (this.startsSeen.has(key2)) return "resent";
    const idTag = str(payload.idTag);
    const owner = this.ownerOfTag(idTag);
    if (idTag !== null) this.remoteStartTags.delete(idTag.toUpperCase());
    this.startsSeen.set(key2, { callId, latestId: callId, answer: null });
    if (this.startsSeen.size > 100) this.startsSeen.delete(this.startsSeen.keys().next().value);
    this.pendingStarts.set(callId, {
      owner,
      key: key2,
      connectorId: num2(payload.connectorId),
      idTag,
      meterStart: num2(payload.meterStart),
      timestamp: str(payload.timestamp),
      otherIds: /* @__PURE__ */ new Map(),
      chargerTx: null
    });
    if (this.pendingStarts.size > 100) this.pendingStarts.delete(this.pendingStarts.keys().next().value);
    return this.routeTo(owner);
  }
  /** 2.0.1: the owner of a TransactionEvent's transaction, decided by a remote start or the first idToken. */
  /** A routing step (`Router`), used by the version rules. */
  ownerOfEvent(payload) {
    const info = payload.transactionInfo ?? {};
    const chargerTx = String(info.transactionId);
    const known = this.owners.get(chargerTx);
    if (known !== void 0 && !this.undecided.has(chargerTx)) return this.byName.get(known) ?? this.defaultOwner;
    const remote = info.remoteStartId === void 0 ? void 0 : this.remoteStartIds.get(String(info.remoteStartId));
    const token = str(payload.idToken?.idToken);
    const decided = remote !== void 0 || token !== null;
    const owner = remote ?? this.ownerOfTag(token);
    if (known === void 0 || decided) {
      if (decided) this.undecided.delete(chargerTx);
      else this.undecided.add(chargerTx);
      this.recordStart({
        owner,
        key: "",
        connectorId: num2(payload.evse?.connectorId),
        idTag: token,
        meterStart: energyWh(payload),
        timestamp: str(payload.timestamp),
        otherIds: /* @__PURE__ */ new Map(),
        chargerTx
      }, num2(payload.evse?.id));
    }
    return owner;
  }
  emit(event) {
    this.events?.emit(event);
    this.onTransaction?.(event);
  }
  recordStart(pending, evse = null) {
    const chargerTx = pending.chargerTx;
    const known = this.owners.get(chargerTx) === pending.owner.name;
    this.owners.set(chargerTx, pending.owner.name);
    if (!known) {
      this.emit({
        event: "transaction_started",
        charger: this.chargerId,
        at: (/* @__PURE__ */ new Date()).toISOString(),
        transactionId: chargerTx,
        owner: pending.owner.name,
        connector: pending.connectorId ?? evse,
        ...evse !== null ? { evse } : {},
        idTag: pending.idTag
      });
    }
    this.logger.info(`${this.chargerId}: transaction ${chargerTx} (${pending.idTag === null ? "no idTag" : "idTag set"}) belongs to ${pending.owner.name}`);
    try {
      this.store?.startTransaction({
        charger: this.chargerId,
        chargerTx,
        owner: pending.owner.name,
        connector: pending.connectorId,
        evse,
        idTag: pending.idTag,
        startedAt: pending.timestamp,
        meterStart: pending.meterStart,
        guessed: this.undecided.has(chargerTx)
      });
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${error.message}`);
    }
  }
  recordUpstreamTx(chargerTx, upstream, upstreamTx) {
    let ids = this.upstreamIds.get(chargerTx);
    if (ids === void 0) this.upstreamIds.set(chargerTx, ids = /* @__PURE__ */ new Map());
    ids.set(upstream, upstreamTx);
    try {
      this.store?.setUpstreamTx(this.chargerId, chargerTx, upstream, upstreamTx);
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${error.message}`);
    }
  }
};
function startKey(payload) {
  return JSON.stringify([payload.connectorId, payload.idTag, payload.meterStart, payload.timestamp, payload.reservationId]);
}
function numericLike(id) {
  return /^-?\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}

// src/upstream/close-codes.ts
function isSendableCloseCode(code) {
  return code >= 1e3 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3e3 && code <= 4999;
}
function mirrorCloseCode(received, lost) {
  if (received === 1005) return 1e3;
  if (received === 1006) return lost;
  if (received === 1015) return 1011;
  return isSendableCloseCode(received) ? received : lost;
}
function closeWithin(ws, code, reason, graceMs) {
  if (ws.readyState === ws.CLOSED) return;
  if (ws.readyState === ws.CONNECTING) {
    ws.terminate();
    return;
  }
  if (ws.readyState === ws.OPEN) ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  const timer = setTimeout(() => ws.terminate(), graceMs);
  timer.unref();
  ws.once("close", () => clearTimeout(timer));
}

// src/ocpp/frame.ts
var CALL = 2;
var CALLRESULT = 3;
var CALLERROR = 4;
var CALLRESULTERROR = 5;
var SEND = 6;
var TYPE_NAMES = {
  [CALL]: "CALL",
  [CALLRESULT]: "CALLRESULT",
  [CALLERROR]: "CALLERROR",
  [CALLRESULTERROR]: "CALLRESULTERROR",
  [SEND]: "SEND"
};
var MAX_MESSAGE_ID_LENGTH = 36;
var MAX_ACTION_LENGTH = 64;
var ACTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
function isObject4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parseFrame(text3, knownTypes) {
  let message;
  try {
    message = JSON.parse(text3);
  } catch (error) {
    return { ok: false, problem: "not-json", id: null, detail: `not valid JSON: ${error.message}` };
  }
  if (!Array.isArray(message)) return { ok: false, problem: "not-array", id: null, detail: "an OCPP-J message is a JSON array" };
  const [type, id] = message;
  const readableId = typeof id === "string" ? id : null;
  if (typeof type !== "number" || !Number.isInteger(type)) {
    return { ok: false, problem: "bad-envelope", id: readableId, detail: "the message type id is not an integer" };
  }
  if (!knownTypes.has(type)) {
    return { ok: false, problem: "unknown-type", id: readableId, detail: `message type ${type} is not supported`, messageType: type };
  }
  if (readableId === null) return { ok: false, problem: "bad-envelope", id: null, detail: "the message id is not a string" };
  if (readableId.length > MAX_MESSAGE_ID_LENGTH) {
    return { ok: false, problem: "bad-envelope", id: null, detail: `the message id is longer than ${MAX_MESSAGE_ID_LENGTH} characters` };
  }
  switch (type) {
    case CALL:
    case SEND: {
      if (message.length !== 4) return badLength(readableId, type, 4, message.length);
      const action = message[2];
      if (typeof action !== "string" || action === "") {
        return { ok: false, problem: "bad-envelope", id: readableId, detail: "the action is not a string" };
      }
      if (!ACTION_NAME.test(action)) {
        return { ok: false, problem: "bad-envelope", id: readableId, detail: `the action is not an OCPP action name (letters, digits and _ . -, at most ${MAX_ACTION_LENGTH})` };
      }
      if (!isObject4(message[3])) return { ok: false, problem: "bad-payload", id: readableId, detail: "the payload is not a JSON object" };
      return { ok: true, frame: { type, id: readableId, action, payload: message[3] } };
    }
    case CALLRESULT:
      if (message.length !== 3) return badLength(readableId, type, 3, message.length);
      if (!isObject4(message[2])) return { ok: false, problem: "bad-payload", id: readableId, detail: "the payload is not a JSON object" };
      return { ok: true, frame: { type, id: readableId, payload: message[2] } };
    default: {
      if (message.length !== 5) return badLength(readableId, type, 5, message.length);
      const [, , code, description, details] = message;
      if (typeof code !== "string" || typeof description !== "string") {
        return { ok: false, problem: "bad-envelope", id: readableId, detail: "the error code or description is not a string" };
      }
      if (!isObject4(details)) return { ok: false, problem: "bad-payload", id: readableId, detail: "the error details are not a JSON object" };
      return { ok: true, frame: { type, id: readableId, code, description, details } };
    }
  }
}
function badLength(id, type, expected, actual) {
  return { ok: false, problem: "bad-envelope", id, detail: `a ${TYPE_NAMES[type]} has ${expected} elements, this one has ${actual}` };
}
function idSpan(text3) {
  let i = text3.indexOf(",") + 1;
  while (text3.charCodeAt(i) !== 34) i++;
  const start = i;
  for (i = start + 1; ; i++) {
    const c = text3.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return [start, i + 1];
  }
}
function withId(text3, idLiteral) {
  const [start, end] = idSpan(text3);
  return text3.slice(0, start) + idLiteral + text3.slice(end);
}
function idLiteralOf(text3) {
  const [start, end] = idSpan(text3);
  return text3.slice(start, end);
}
function callError(id, code, description, details = {}) {
  return JSON.stringify([CALLERROR, id, code, description.slice(0, 255), details]);
}

// src/upstream/catch-up.ts
var PROTECTED_ACTIONS = /* @__PURE__ */ new Set(["BootNotification", "StartTransaction", "StopTransaction", "TransactionEvent"]);
function frameBytes(frame) {
  return frame.data.length + (frame.text === frame.data ? 0 : frame.text.length);
}
var CatchUp = class {
  limits;
  backlog = [];
  bytes = 0;
  replay = [];
  /** Replayed Call ids whose answers the proxy consumes → their action (for the log). */
  replayIds = new LazyMap();
  active = false;
  inFlight = null;
  timer = null;
  constructor(limits) {
    this.limits = limits;
  }
  /** Nothing waits and nothing is being caught up: a charger frame may go straight out. */
  get idle() {
    return !this.active && this.backlog.length === 0;
  }
  /** True while frames go one Call at a time (or everything is held). */
  get isActive() {
    return this.active;
  }
  /** A catch-up Call is out and its answer awaited. */
  get waiting() {
    return this.inFlight !== null;
  }
  /** Frames waiting: the backlog and the replay. */
  get size() {
    return this.backlog.length + this.replay.length;
  }
  get backlogLength() {
    return this.backlog.length;
  }
  /** Bytes held by the backlog (the frames and their log copies). */
  get backlogBytes() {
    return this.bytes;
  }
  /** The backlog's frames, oldest first (read only). */
  backlogFrames() {
    return this.backlog;
  }
  hasBacklogged(action) {
    return this.backlog.some((frame) => frame.action === action);
  }
  /**
   * Adds a charger frame to the backlog; returns the frames dropped to stay within the limits.
   * Over the count limit the oldest MeterValues go first, then the oldest unprotected frame;
   * the byte limit is hard: when only protected (transaction) frames are left, the oldest goes.
   */
  push(frame) {
    if (frameBytes(frame) > this.limits.backlogBytes) return [frame];
    this.backlog.push(frame);
    this.bytes += frameBytes(frame);
    const dropped = [];
    while (this.backlog.length > this.limits.backlogLimit || this.bytes > this.limits.backlogBytes) {
      let victim = this.backlog.findIndex((f) => f.action === "MeterValues");
      if (victim === -1) victim = this.backlog.findIndex((f) => f.action === null || !PROTECTED_ACTIONS.has(f.action));
      if (victim === -1) {
        if (this.bytes <= this.limits.backlogBytes) break;
        victim = 0;
      }
      const [gone] = this.backlog.splice(victim, 1);
      this.bytes -= frameBytes(gone);
      dropped.push(gone);
    }
    return dropped;
  }
  /**
   * The link is (back) open: the outbox's frames (every unanswered transaction Call, oldest
   * first) replace the backlog's copies of them and go before the rest, after a waiting boot.
   */
  takeDurable(frames) {
    const rest = this.backlog.filter((frame) => frame.seq === void 0);
    const boots = rest.filter((frame) => frame.action === "BootNotification");
    this.backlog.length = 0;
    this.backlog.push(...boots, ...frames, ...rest.filter((frame) => frame.action !== "BootNotification"));
    this.bytes = this.backlog.reduce((sum, frame) => sum + frameBytes(frame), 0);
  }
  /** A proxy Call (boot or status) to send before the backlog; its answer is the proxy's. */
  addReplay(frame) {
    this.replay.push(frame);
    this.replayIds.set(frame.id, frame.action);
  }
  /** Everything for the link waits until `release()` or `start()`. */
  hold() {
    this.active = true;
  }
  /** Begins sending what waits; false (and idle) when nothing does. */
  start() {
    this.active = this.replay.length > 0 || this.backlog.length > 0;
    return this.active;
  }
  /**
   * The next frame to send, replay first; undefined (and the catch-up over) when none is left.
   * `replayed` says whose frame it is.
   */
  next() {
    const replayed = this.replay.length > 0;
    const frame = replayed ? this.replay.shift() : this.backlog.shift();
    if (frame === void 0) {
      this.active = false;
      return void 0;
    }
    if (!replayed) this.bytes -= frameBytes(frame);
    return { frame, replayed };
  }
  /** A Call went out: the next waits for its answer, or for `timeoutMs`, then `onTimeout`. */
  awaitAnswer(id, timeoutMs, onTimeout) {
    this.active = true;
    this.inFlight = id;
    this.timer = setTimeout(() => {
      this.inFlight = null;
      this.timer = null;
      onTimeout();
    }, timeoutMs);
  }
  /** True when `id` answers the catch-up Call in flight (which is then no longer awaited). */
  answered(id) {
    if (this.inFlight !== id) return false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight = null;
    return true;
  }
  /** The action of a replayed Call answered by `id` (forgotten then), or undefined. */
  takeReplayed(id) {
    const action = this.replayIds.get(id);
    if (action !== void 0) this.replayIds.delete(id);
    return action;
  }
  /** The socket closed: answers to what was sent on it will never come. The backlog stays. */
  reset() {
    this.replayIds.clear();
    this.replay.length = 0;
    this.active = false;
    this.inFlight = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
  /** The link is closed for good: nothing is kept. */
  clear() {
    this.reset();
    this.backlog.length = 0;
    this.bytes = 0;
  }
};

// src/upstream/upstream-link.ts
var BACKOFF_FIRST_MS = 1e3;
var BACKOFF_MAX_MS = 5 * 60 * 1e3;
var UpstreamLink = class {
  config;
  name;
  role;
  /** Full URL: base + '/' + charger id. */
  url;
  /** `url` with any user:password replaced, for logs and the API. */
  shownUrl;
  state = "connecting";
  since = /* @__PURE__ */ new Date();
  reconnectAttempts = 0;
  /** The negotiated subprotocol once open. */
  protocol = "";
  /** Call ids sent here and not answered yet → their action. */
  awaitingReplies = /* @__PURE__ */ new Map();
  /** What this upstream missed (backlog, replay) and the catch-up Call in flight. */
  catchUp;
  /** When a frame or pong last arrived (ms). */
  heardAt = Date.now();
  /** Set when this link speaks another OCPP version than the charger: frames are translated at its edge. */
  translation = null;
  /** How the last frame sent was handled by the translation (for the session's log of that hop). */
  lastTranslation = "translated";
  ws = null;
  owner = null;
  early = [];
  options;
  logger;
  protocols = [];
  headers = {};
  /** The charger id as this upstream knows it. */
  chargerId;
  retryTimer = null;
  closing = false;
  constructor(config, chargerId, options, logger) {
    this.config = config;
    this.name = config.name;
    this.role = config.role;
    this.chargerId = config.chargerId ?? chargerId;
    this.url = upstreamUrl(config.url, this.chargerId);
    this.shownUrl = withoutUserinfo(this.url);
    this.options = options;
    this.logger = logger;
    this.catchUp = new CatchUp(options);
  }
  /** This link in `/api/status`. */
  status() {
    return { name: this.name, role: this.role, url: this.shownUrl, state: this.state, since: this.since.toISOString(), reconnect_attempts: this.reconnectAttempts, backlog: this.catchUp.size };
  }
  get isOpen() {
    return this.state === "open";
  }
  /** Open, caught up and not backed up: a charger frame may go straight out. */
  get isWritable() {
    return this.state === "open" && this.catchUp.idle;
  }
  get bufferedAmount() {
    return this.ws?.bufferedAmount ?? 0;
  }
  /**
   * Opens the link. Resolves once open, or with the reason it failed; after a failure a
   * reconnecting link keeps trying on its own. `chargerHeaders` are the charger's request headers.
   */
  connect(protocols, chargerHeaders = {}) {
    this.protocols = protocols;
    this.headers = this.requestHeaders(chargerHeaders);
    return new Promise((resolve6) => this.open(resolve6));
  }
  /** Liveness: ping an open link, or drop it when nothing was heard for `timeoutMs`. */
  pingTick(now, timeoutMs) {
    const ws = this.ws;
    if (ws === null || this.state !== "open") return;
    if (now - this.heardAt > timeoutMs) {
      this.logger.warn(`${this.name} ${this.shownUrl}: no pong for ${Math.round((now - this.heardAt) / 1e3)} s, dropping the link`);
      ws.terminate();
      return;
    }
    ws.ping();
  }
  /** Drops the socket at once (a dead or stuck peer); a reconnecting link tries again. */
  terminate() {
    this.ws?.terminate();
  }
  pause() {
    this.ws?.pause();
  }
  resume() {
    this.ws?.resume();
  }
  requestHeaders(charger) {
    const headers = {};
    const agent = charger["user-agent"];
    if (this.role === "primary" && agent !== void 0) headers["User-Agent"] = agent;
    const { auth, username, password } = this.config;
    if (auth === "forward" && charger.authorization !== void 0) headers.Authorization = charger.authorization;
    if (auth === "basic") headers.Authorization = `Basic ${Buffer.from(`${username ?? this.chargerId}:${password ?? ""}`).toString("base64")}`;
    return headers;
  }
  /** Hands incoming frames to `owner`, including any that arrived before it was attached. */
  attach(owner) {
    this.owner = owner;
    for (const [data, isBinary] of this.early.splice(0)) owner.linkMessage(this, data, isBinary);
  }
  send(data) {
    if (this.translation === null) {
      this.ws?.send(data, { binary: false });
      return;
    }
    const out = this.translation.outgoing(typeof data === "string" ? data : data.toString());
    this.lastTranslation = out.settled === null ? "translated" : "dropped";
    if (out.note !== null) this.logger.info(`${this.name}: ${out.note}`);
    this.sendWire(out.wire);
    const settled = out.settled;
    if (settled !== null) {
      this.logger.info(`not for ${this.name}: ${settled.why}`);
      queueMicrotask(() => this.owner?.linkSettled?.(this, settled.id));
    }
  }
  sendWire(frames) {
    for (const frame of frames) {
      this.ws?.send(frame.text, { binary: false });
      this.owner?.linkWire?.(this, "out", frame);
    }
  }
  /** A frame from a translating link: logged as it came, then in the charger's version for the session (or nothing). */
  translated(buffer) {
    let result;
    try {
      result = this.translation.incoming(buffer.toString());
    } catch (error) {
      this.logger.error(`${this.chargerId}: internal error translating a frame from ${this.name}, dropped: ${error.stack ?? String(error)}`);
      return null;
    }
    if (result.received !== null) this.owner?.linkWire?.(this, "in", result.received);
    this.sendWire(result.wire);
    return result.deliver === null ? null : Buffer.from(result.deliver);
  }
  /** Closes for good (no reconnect); the socket is gone within `graceMs`. */
  close(code, reason, graceMs = 1e3) {
    this.closing = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.awaitingReplies.clear();
    this.catchUp.clear();
    if (this.ws !== null) closeWithin(this.ws, code, reason, graceMs);
    else this.setState("closed");
  }
  /**
   * Resolves once the socket is fully closed (at once if it is), or after `waitMs` in any case: a
   * socket whose reader was broken never says 'close', and a shutdown must not wait for it.
   */
  closed(waitMs = 3e3) {
    const ws = this.ws;
    if (ws === null || ws.readyState === ws.CLOSED) return Promise.resolve();
    return new Promise((resolve6) => {
      const timer = setTimeout(resolve6, waitMs);
      ws.once("close", () => {
        clearTimeout(timer);
        resolve6();
      });
    });
  }
  open(settle) {
    this.setState("connecting");
    const ws = new import_websocket.default(this.url, this.protocols, {
      perMessageDeflate: false,
      maxPayload: this.options.maxPayload,
      handshakeTimeout: this.options.handshakeTimeoutMs,
      headers: this.headers,
      followRedirects: false,
      ...this.options.tls
    });
    this.ws = ws;
    let failure = null;
    ws.on("unexpected-response", (_request, response) => {
      failure = { kind: "http", status: response.statusCode ?? 502, headers: relayableHeaders(response) };
      this.logger.warn(`${this.name} ${this.shownUrl}: handshake refused with HTTP ${failure.status}`);
      response.destroy();
      ws.terminate();
    });
    ws.on("upgrade", (response) => {
      if (this.protocols.length > 0 && response.headers["sec-websocket-protocol"] === void 0) failure = { kind: "no-subprotocol" };
    });
    ws.on("error", (error) => {
      failure ??= { kind: "network", message: error.message };
      this.logger.warn(`${this.name} ${this.shownUrl}: ${error.message}`);
    });
    ws.on("open", () => {
      this.heardAt = Date.now();
      this.protocol = ws.protocol;
      this.reconnectAttempts = 0;
      this.setState("open");
      this.logger.info(`${this.name} connected: ${this.shownUrl} (${ws.protocol || "no subprotocol"})`);
      settle?.(null);
      settle = void 0;
      this.owner?.linkOpened(this);
    });
    ws.on("pong", () => {
      this.heardAt = Date.now();
    });
    ws.on("message", (data, isBinary) => {
      this.heardAt = Date.now();
      let buffer = data;
      if (this.translation !== null && !isBinary) {
        const delivered = this.translated(buffer);
        if (delivered === null) return;
        buffer = delivered;
      }
      if (this.owner === null) this.early.push([buffer, isBinary]);
      else this.owner.linkMessage(this, buffer, isBinary);
    });
    ws.on("close", (code, reasonBuffer) => {
      const wasOpen = this.state === "open";
      const reason = reasonBuffer.toString();
      this.awaitingReplies.clear();
      this.translation?.reset();
      this.catchUp.reset();
      if (settle !== void 0) {
        settle(failure ?? { kind: "network", message: `closed with ${code} during the handshake` });
        settle = void 0;
      }
      if (this.closing || !this.options.reconnect) {
        this.setState("closed");
      } else {
        this.scheduleReconnect();
      }
      if (wasOpen) this.logger.info(`${this.name} disconnected: ${this.shownUrl} (${code}${reason ? ` ${reason}` : ""})`);
      this.owner?.linkClosed(this, code, reason);
    });
  }
  scheduleReconnect() {
    this.setState("waiting");
    const delay = backoffDelay(this.reconnectAttempts++);
    this.logger.debug(`${this.name}: reconnecting in ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closing) this.open();
    }, delay);
    this.retryTimer.unref();
  }
  setState(state) {
    if (this.state !== state) this.since = /* @__PURE__ */ new Date();
    this.state = state;
  }
};
function backoffDelay(attempt2, random = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt2, 20));
  return base * (0.75 + random() * 0.5);
}
function upstreamUrl(base, chargerId) {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${encodeURIComponent(chargerId)}`;
  return url.href;
}
function relayableHeaders(response) {
  const headers = {};
  const auth = response.headers["www-authenticate"];
  if (auth !== void 0) headers["WWW-Authenticate"] = Array.isArray(auth) ? auth.join(", ") : auth;
  const retry = response.headers["retry-after"];
  if (typeof retry === "string") headers["Retry-After"] = retry;
  return headers;
}

// src/upstream/local-csms.ts
function localAnswer(version, id, action, payload, config, state) {
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const accepts = (tag) => config.acceptTags.length === 0 || typeof tag === "string" && config.acceptTags.includes(tag.toUpperCase());
  const result = (body2) => JSON.stringify([CALLRESULT, id, body2]);
  switch (action) {
    case "BootNotification":
      return result({ status: "Accepted", currentTime: now, interval: config.heartbeatInterval });
    case "Heartbeat":
      return result({ currentTime: now });
    case "DataTransfer":
      return result({ status: "UnknownVendorId" });
    case "StatusNotification":
    case "MeterValues":
    case "FirmwareStatusNotification":
      return result({});
  }
  if (version === "ocpp1.6") {
    const idTagInfo = { status: accepts(payload.idTag) ? "Accepted" : "Invalid" };
    switch (action) {
      case "Authorize":
        return result({ idTagInfo });
      case "StartTransaction":
        return result({ transactionId: state.nextTransactionId++, idTagInfo });
      case "StopTransaction":
        return result(payload.idTag === void 0 ? {} : { idTagInfo });
      case "DiagnosticsStatusNotification":
        return result({});
    }
  } else {
    const idTokenInfo2 = { status: accepts((payload.idToken ?? {}).idToken) ? "Accepted" : "Invalid" };
    switch (action) {
      case "Authorize":
        return result({ idTokenInfo: idTokenInfo2 });
      case "TransactionEvent":
        return result(payload.idToken === void 0 ? {} : { idTokenInfo: idTokenInfo2 });
      case "NotifyReport":
      case "NotifyEvent":
      case "SecurityEventNotification":
      case "LogStatusNotification":
        return result({});
    }
  }
  return callError(id, "NotImplemented", `the built-in local CSMS does not handle ${action}`);
}
var LocalLink = class extends UpstreamLink {
  localConfig;
  localState = { nextTransactionId: 1 };
  constructor(...args2) {
    const [upstream, chargerId, options, logger, localConfig] = args2;
    super(upstream, chargerId, options, logger);
    this.localConfig = localConfig;
  }
  connect(protocols) {
    const chosen = protocols.find(isSupportedProtocol);
    if (chosen === void 0) return Promise.resolve({ kind: "no-subprotocol" });
    this.protocol = chosen;
    this.heardAt = Date.now();
    this.setState("open");
    return Promise.resolve(null);
  }
  send(data) {
    const text3 = typeof data === "string" ? data : data.toString();
    let frame;
    try {
      frame = JSON.parse(text3);
    } catch {
      return;
    }
    if (frame[0] !== CALL || typeof frame[1] !== "string" || typeof frame[2] !== "string") return;
    const answer = localAnswer(this.protocol, frame[1], frame[2], frame[3] ?? {}, this.localConfig, this.localState);
    setImmediate(() => {
      if (this.state === "open") this.owner?.linkMessage(this, Buffer.from(answer), false);
    });
  }
};

// src/session/charger-rate.ts
var FRAME_COST = 256;
var ChargerRate = class {
  rate;
  /** Two of the largest frames, or one second at the rate. */
  burst;
  tokens;
  tokensAt = Date.now();
  timer = null;
  constructor(config) {
    this.rate = config.chargerRate;
    this.burst = Math.max(2 * config.maxMessageSize, config.chargerRate);
    this.tokens = this.burst;
  }
  /** Counts a frame; past the rate, `pause()` now and `resume()` once the bucket has refilled. */
  spend(bytes, now, pause, resume) {
    if (this.rate <= 0) return;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.tokensAt) * this.rate / 1e3) - bytes - FRAME_COST;
    this.tokensAt = now;
    if (this.tokens >= 0 || this.timer !== null) return;
    pause();
    this.timer = setTimeout(() => {
      this.timer = null;
      resume();
    }, Math.ceil(-this.tokens / this.rate * 1e3));
    this.timer.unref();
  }
  stop() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
};

// src/translate/link-translation.ts
import { randomUUID } from "node:crypto";

// src/translate/meter-values.ts
var MEASURANDS_16 = /* @__PURE__ */ new Set([
  "Energy.Active.Export.Register",
  "Energy.Active.Import.Register",
  "Energy.Reactive.Export.Register",
  "Energy.Reactive.Import.Register",
  "Energy.Active.Export.Interval",
  "Energy.Active.Import.Interval",
  "Energy.Reactive.Export.Interval",
  "Energy.Reactive.Import.Interval",
  "Power.Active.Export",
  "Power.Active.Import",
  "Power.Offered",
  "Power.Reactive.Export",
  "Power.Reactive.Import",
  "Power.Factor",
  "Current.Import",
  "Current.Export",
  "Current.Offered",
  "Voltage",
  "Frequency",
  "Temperature",
  "SoC",
  "RPM"
]);
var UNITS_16 = /* @__PURE__ */ new Set(["Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "K", "Celsius", "Fahrenheit", "Percent"]);
var CONTEXTS_16 = /* @__PURE__ */ new Set(["Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger", "Other"]);
var PHASES_16 = /* @__PURE__ */ new Set(["L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"]);
var LOCATIONS_16 = /* @__PURE__ */ new Set(["Cable", "EV", "Inlet", "Outlet", "Body"]);
function meterValuesTo16(meterValue) {
  const out = [];
  const left2 = [];
  if (!Array.isArray(meterValue)) return { meterValue: out, left: left2 };
  for (const entry of meterValue) {
    if (typeof entry !== "object" || entry === null || typeof entry.timestamp !== "string" || !Array.isArray(entry.sampledValue)) continue;
    const sampled = [];
    for (const value of entry.sampledValue) {
      const converted = sampledValueTo16(value, left2);
      if (converted !== null) sampled.push(converted);
    }
    if (sampled.length > 0) out.push({ timestamp: entry.timestamp, sampledValue: sampled });
  }
  return { meterValue: out, left: left2 };
}
function sampledValueTo16(value, left2) {
  if (typeof value !== "object" || value === null || typeof value.value !== "number" || !Number.isFinite(value.value)) return null;
  const measurand = typeof value.measurand === "string" ? value.measurand : "Energy.Active.Import.Register";
  if (!MEASURANDS_16.has(measurand)) {
    left2.push(`${measurand} (no 1.6 measurand)`);
    return null;
  }
  const unitOfMeasure = value.unitOfMeasure ?? {};
  const unit = typeof unitOfMeasure.unit === "string" ? unitOfMeasure.unit : null;
  if (unit !== null && !UNITS_16.has(unit)) {
    left2.push(`${measurand} in ${unit} (no 1.6 unit)`);
    return null;
  }
  if (typeof value.phase === "string" && !PHASES_16.has(value.phase)) {
    left2.push(`${measurand} phase ${value.phase} (no 1.6 phase)`);
    return null;
  }
  const multiplier = typeof unitOfMeasure.multiplier === "number" ? unitOfMeasure.multiplier : 0;
  const out = { value: numberText(value.value * 10 ** multiplier) };
  if (typeof value.context === "string" && CONTEXTS_16.has(value.context)) out.context = value.context;
  out.format = "Raw";
  out.measurand = measurand;
  if (typeof value.phase === "string") out.phase = value.phase;
  if (typeof value.location === "string" && LOCATIONS_16.has(value.location)) out.location = value.location;
  if (unit !== null) out.unit = unit;
  return out;
}
function numberText(n) {
  return String(Number(n.toPrecision(15)));
}
function energyRegisterWh(meterValue, context) {
  if (!Array.isArray(meterValue)) return null;
  let found = null;
  for (const entry of meterValue) {
    if (typeof entry !== "object" || entry === null || !Array.isArray(entry.sampledValue)) continue;
    for (const value of entry.sampledValue) {
      if (typeof value !== "object" || value === null || typeof value.value !== "number") continue;
      if ((value.measurand ?? "Energy.Active.Import.Register") !== "Energy.Active.Import.Register" || value.phase !== void 0) continue;
      if (context !== void 0 && value.context !== void 0 && value.context !== context) continue;
      const unitOfMeasure = value.unitOfMeasure ?? {};
      const scale = unitOfMeasure.unit === "kWh" ? 1e3 : 1;
      const multiplier = typeof unitOfMeasure.multiplier === "number" ? unitOfMeasure.multiplier : 0;
      found = value.value * scale * 10 ** multiplier;
    }
  }
  return found === null ? null : Math.round(found);
}

// src/translate/charger-calls.ts
var ID_TAG_MAX = 20;
var KEPT_ENDED = 16;
var STATES_16 = wireTable({ Charging: "Charging", SuspendedEV: "SuspendedEV", SuspendedEVSE: "SuspendedEVSE", EVConnected: "SuspendedEV", Idle: "Finishing" });
var REASONS_16 = /* @__PURE__ */ new Set(["DeAuthorized", "EmergencyStop", "EVDisconnected", "Local", "Other", "PowerLoss", "Reboot", "Remote"]);
var AUTH_STATUS_201 = wireTable({ Accepted: "Accepted", Blocked: "Blocked", Expired: "Expired", Invalid: "Invalid", ConcurrentTx: "ConcurrentTx" });
var ChargerCallsTo16 = class _ChargerCallsTo16 {
  transactions = /* @__PURE__ */ new Map();
  /** Each EVSE's latest 2.0.1 connector status. */
  statuses = /* @__PURE__ */ new Map();
  /** Told when what must survive a reconnect or a restart changed (see `snapshot`). */
  onChange = () => void 0;
  /** The state as JSON: transactions (with the upstream's ids) and statuses. */
  snapshot() {
    return JSON.stringify({ transactions: [...this.transactions], statuses: [...this.statuses] });
  }
  /** A translator from a snapshot; an unreadable one gives a fresh translator. */
  static restored(text3) {
    const calls = new _ChargerCallsTo16();
    if (text3 === null) return calls;
    try {
      const { transactions, statuses } = JSON.parse(text3);
      for (const [id, transaction] of transactions) if (typeof id === "string" && typeof transaction?.evse === "number") calls.transactions.set(id, transaction);
      for (const [evse, status] of statuses) if (typeof evse === "number" && typeof status === "string") calls.statuses.set(evse, status);
    } catch {
    }
    return calls;
  }
  /** A 2.0.1 charger Call for the 1.6 upstream. */
  translate(action, payload) {
    switch (action) {
      case "Heartbeat":
        return { calls: [{ action, payload: {} }] };
      case "BootNotification":
        return boot(payload);
      case "Authorize": {
        const idTag = tokenOf(payload.idToken);
        if (idTag === null) return { dropped: "Authorize without an idToken" };
        if (idTag.length > ID_TAG_MAX) return { dropped: tooLong(idTag) };
        return { calls: [{ action, payload: { idTag } }] };
      }
      case "StatusNotification": {
        const out = this.status(payload);
        this.onChange();
        return out;
      }
      case "MeterValues": {
        const { meterValue, left: left2 } = meterValuesTo16(payload.meterValue);
        if (typeof payload.evseId !== "number" || meterValue.length === 0) return { dropped: `MeterValues with nothing 1.6 can carry${leftNote(left2)}` };
        return { calls: [{ action, payload: { connectorId: payload.evseId, meterValue } }], ...noteOf(left2) };
      }
      case "TransactionEvent": {
        const out = this.transactionEvent(payload);
        this.onChange();
        return out;
      }
      case "DataTransfer": {
        if (typeof payload.vendorId !== "string") return { dropped: "DataTransfer without a vendorId" };
        const out = { vendorId: payload.vendorId };
        if (typeof payload.messageId === "string") out.messageId = payload.messageId;
        if (payload.data !== void 0) out.data = typeof payload.data === "string" ? payload.data : JSON.stringify(payload.data);
        return { calls: [{ action, payload: out }] };
      }
      default:
        return { dropped: `${action} has no 1.6 counterpart` };
    }
  }
  /** The 1.6 upstream answered the StartTransaction of the charger's transaction `chargerTx`. */
  started(chargerTx, upstreamTx) {
    const transaction = this.transactions.get(chargerTx);
    if (transaction === void 0) return;
    transaction.upstreamTx = upstreamTx;
    this.onChange();
  }
  /** The 1.6 id of a charger transaction (null: not started there, or not answered yet). */
  upstreamTxFor(chargerTx) {
    return this.transactions.get(chargerTx)?.upstreamTx ?? null;
  }
  /** The EVSEs the charger reported. */
  evses() {
    const out = new Set(this.statuses.keys());
    for (const transaction of this.transactions.values()) out.add(transaction.evse);
    return out;
  }
  /** The charger's transaction for the upstream's id (its RemoteStop, its TxProfile). */
  chargerTxFor(upstreamTx) {
    for (const [chargerTx, transaction] of this.transactions) if (transaction.upstreamTx === upstreamTx) return chargerTx;
    return null;
  }
  /** A Call that waited for its transaction's 1.6 id, with that id; null while it is not known. */
  fill(call) {
    if (call.waitsFor === void 0) return call;
    const transaction = this.transactions.get(call.waitsFor);
    if (transaction === void 0 || transaction.upstreamTx === null) return null;
    return { action: call.action, payload: { ...call.payload, transactionId: transaction.upstreamTx } };
  }
  /** Ended transactions are kept a while: their StopTransaction may still wait for the upstream's id. */
  ended(chargerTx, transaction) {
    transaction.ended = true;
    let ended = 0;
    for (const [id, t] of [...this.transactions].reverse()) {
      if (t.ended && ++ended > KEPT_ENDED && id !== chargerTx) this.transactions.delete(id);
    }
  }
  status(payload) {
    const { evseId, connectorStatus } = payload;
    if (typeof evseId !== "number" || typeof connectorStatus !== "string") return { dropped: "StatusNotification without evseId or connectorStatus" };
    this.statuses.set(evseId, connectorStatus);
    return { calls: [this.status16(evseId, typeof payload.timestamp === "string" ? payload.timestamp : void 0)] };
  }
  /** The 1.6 StatusNotification for an EVSE now: Occupied says more in 1.6, from its transaction. */
  status16(evse, timestamp) {
    const status = this.statuses.get(evse) ?? "Available";
    let status16 = status;
    if (status === "Occupied") {
      const transaction = this.runningOn(evse);
      status16 = transaction === null ? "Preparing" : transaction.chargingState === null ? "Preparing" : STATES_16[transaction.chargingState] ?? "Charging";
    }
    const payload = { connectorId: evse, errorCode: status === "Faulted" ? "OtherError" : "NoError", status: status16 };
    if (timestamp !== void 0) payload.timestamp = timestamp;
    return { action: "StatusNotification", payload };
  }
  runningOn(evse) {
    for (const transaction of this.transactions.values()) if (transaction.evse === evse && !transaction.refused && !transaction.ended) return transaction;
    return null;
  }
  transactionEvent(payload) {
    const info = payload.transactionInfo ?? {};
    const chargerTx = info.transactionId;
    const { eventType, timestamp } = payload;
    if (typeof chargerTx !== "string" || typeof timestamp !== "string" || typeof eventType !== "string") return { dropped: "TransactionEvent without transactionId, eventType or timestamp" };
    let transaction = this.transactions.get(chargerTx);
    const evse = (payload.evse ?? {}).id;
    if (transaction === void 0) {
      if (eventType === "Ended" && typeof evse !== "number") return { dropped: `transaction ${chargerTx} ended before 1.6 knew it` };
      transaction = { evse: typeof evse === "number" ? evse : 1, idTag: null, started: false, upstreamTx: null, chargingState: null, energyWh: null, refused: false, ended: false };
      this.transactions.set(chargerTx, transaction);
    }
    if (transaction.refused) {
      if (eventType === "Ended") this.transactions.delete(chargerTx);
      return { dropped: `transaction ${chargerTx} is not reported to this 1.6 upstream (its idToken)` };
    }
    const energy = energyRegisterWh(payload.meterValue);
    if (energy !== null) transaction.energyWh = energy;
    const idTag = tokenOf(payload.idToken);
    if (idTag !== null && transaction.idTag === null) {
      if (idTag.length > ID_TAG_MAX) {
        transaction.refused = true;
        return { dropped: tooLong(idTag) };
      }
      transaction.idTag = idTag;
    }
    const calls = [];
    const notes = [];
    if (!transaction.started && transaction.idTag !== null) {
      transaction.started = true;
      const meterStart = energyRegisterWh(payload.meterValue, "Transaction.Begin") ?? transaction.energyWh ?? 0;
      calls.push({ action: "StartTransaction", payload: { connectorId: transaction.evse, idTag: transaction.idTag, meterStart, timestamp } });
    }
    if (!transaction.started) {
      if (eventType === "Ended") this.transactions.delete(chargerTx);
      return { calls: [], note: `transaction ${chargerTx} has no idToken yet: 1.6 cannot start it` };
    }
    const state = typeof info.chargingState === "string" ? info.chargingState : null;
    const stateChanged = state !== null && state !== transaction.chargingState;
    if (state !== null) transaction.chargingState = state;
    if (eventType === "Ended") {
      const meterStop = energyRegisterWh(payload.meterValue, "Transaction.End") ?? transaction.energyWh ?? 0;
      const reason = typeof info.stoppedReason === "string" ? info.stoppedReason : "Local";
      const stop = { meterStop, timestamp, reason: reason === "ImmediateReset" ? "HardReset" : REASONS_16.has(reason) ? reason : "Other" };
      if (transaction.idTag !== null) stop.idTag = transaction.idTag;
      this.ended(chargerTx, transaction);
      calls.push({ action: "StopTransaction", payload: stop, waitsFor: chargerTx });
      if (this.statuses.get(transaction.evse) === "Occupied") calls.push({ action: "StatusNotification", payload: { connectorId: transaction.evse, errorCode: "NoError", status: "Finishing", timestamp } });
      return { calls };
    }
    const { meterValue, left: left2 } = meterValuesTo16(payload.meterValue);
    if (left2.length > 0) notes.push(`left out for 1.6: ${left2.join(", ")}`);
    if (meterValue.length > 0 && eventType === "Updated") {
      calls.push({ action: "MeterValues", payload: { connectorId: transaction.evse, meterValue }, waitsFor: chargerTx });
    }
    if (stateChanged && this.statuses.get(transaction.evse) === "Occupied") calls.push(this.status16(transaction.evse, timestamp));
    return notes.length === 0 ? { calls } : { calls, note: notes.join("; ") };
  }
};
function answerTo201(action201, answer16) {
  switch (action201) {
    case "Authorize":
      return { idTokenInfo: idTokenInfo(answer16.idTagInfo) ?? { status: "Unknown" } };
    case "TransactionEvent": {
      const info = idTokenInfo(answer16.idTagInfo);
      return info === null ? {} : { idTokenInfo: info };
    }
    case "DataTransfer":
      return typeof answer16.data === "string" ? { status: answer16.status, data: answer16.data } : { status: answer16.status };
    default:
      return action201 === "BootNotification" || action201 === "Heartbeat" ? answer16 : {};
  }
}
var EMPTY_ANSWERS = /* @__PURE__ */ new Set([
  "Heartbeat",
  "StatusNotification",
  "MeterValues",
  "TransactionEvent",
  "NotifyReport",
  "NotifyEvent",
  "NotifyMonitoringReport",
  "SecurityEventNotification",
  "LogStatusNotification",
  "FirmwareStatusNotification",
  "NotifyChargingLimit",
  "ClearedChargingLimit",
  "NotifyCustomerInformation",
  "NotifyDisplayMessages",
  "PublishFirmwareStatusNotification",
  "ReservationStatusUpdate",
  "ReportChargingProfiles"
]);
function untranslatableAnswer(action201) {
  if (EMPTY_ANSWERS.has(action201)) return { payload: {} };
  if (action201 === "Authorize") return { payload: { idTokenInfo: { status: "Invalid" } } };
  return { code: "NotImplemented", description: `${action201} has no counterpart at the 1.6 backend` };
}
function idTokenInfo(idTagInfo) {
  if (typeof idTagInfo !== "object" || idTagInfo === null) return null;
  const { status, expiryDate } = idTagInfo;
  const out = { status: typeof status === "string" ? AUTH_STATUS_201[status] ?? "Unknown" : "Unknown" };
  if (typeof expiryDate === "string") out.cacheExpiryDateTime = expiryDate;
  return out;
}
function boot(payload) {
  const station = payload.chargingStation ?? {};
  if (typeof station.vendorName !== "string" || typeof station.model !== "string") return { dropped: "BootNotification without vendorName or model" };
  const cut = [];
  const fit = (value, max, field2) => {
    if (value.length <= max) return value;
    cut.push(`${field2} cut to 1.6's ${max} characters`);
    return value.slice(0, max);
  };
  const out = { chargePointVendor: fit(station.vendorName, 20, "vendorName"), chargePointModel: fit(station.model, 20, "model") };
  if (typeof station.serialNumber === "string") out.chargePointSerialNumber = fit(station.serialNumber, 25, "serialNumber");
  if (typeof station.firmwareVersion === "string") out.firmwareVersion = fit(station.firmwareVersion, 50, "firmwareVersion");
  const modem = station.modem ?? {};
  if (typeof modem.iccid === "string") out.iccid = fit(modem.iccid, 20, "iccid");
  if (typeof modem.imsi === "string") out.imsi = fit(modem.imsi, 20, "imsi");
  return { calls: [{ action: "BootNotification", payload: out }], ...cut.length > 0 ? { note: cut.join("; ") } : {} };
}
function tokenOf(idToken) {
  if (typeof idToken !== "object" || idToken === null) return null;
  const token = idToken.idToken;
  return typeof token === "string" ? token : null;
}
function tooLong(idTag) {
  return `idToken of ${idTag.length} characters is longer than 1.6's ${ID_TAG_MAX}; map it with [upstream.NAME] idtag_map`;
}
function leftNote(left2) {
  return left2.length === 0 ? "" : ` (left out: ${left2.join(", ")})`;
}
function noteOf(left2) {
  return left2.length === 0 ? {} : { note: `left out for 1.6: ${left2.join(", ")}` };
}

// src/translate/charging-profiles-16-201.ts
var formation = (description) => ({ error: "FormationViolation", description });
var constraint = (description) => ({ error: "PropertyConstraintViolation", description });
function isObject5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var isInt = (value) => Number.isSafeInteger(value);
var isNumber = (value) => typeof value === "number" && Number.isFinite(value);
var isDate = (value) => typeof value === "string" && !Number.isNaN(Date.parse(value));
function fieldProblem(name, value, field2) {
  if (typeof field2 !== "string") {
    if (typeof value !== "string") return formation(`${name} must be a string`);
    return field2.includes(value) ? null : constraint(`${name} must be one of ${field2.join(", ")}`);
  }
  const ok = field2 === "int" ? isInt(value) : field2 === "number" ? isNumber(value) : field2 === "string" ? typeof value === "string" : field2 === "date" ? isDate(value) : field2 === "object" ? isObject5(value) : Array.isArray(value);
  const what = { int: "an integer", number: "a number", string: "a string", date: "a date-time", object: "an object", array: "an array" }[field2];
  return ok ? null : formation(`${name} must be ${what}`);
}
function checkFields(payload, required, optional = {}) {
  for (const [name, field2] of Object.entries(required)) {
    if (payload[name] === void 0) return formation(`${name} is missing`);
    const problem = fieldProblem(name, payload[name], field2);
    if (problem) return problem;
  }
  for (const [name, field2] of Object.entries(optional)) {
    const problem = payload[name] === void 0 ? null : fieldProblem(name, payload[name], field2);
    if (problem) return problem;
  }
  return null;
}
function tooLong2(payload, name, max) {
  const value = payload[name];
  return typeof value === "string" && value.length > max ? formation(`${name} is longer than ${max} characters`) : null;
}
var PURPOSE_16_TO_201 = wireTable({
  ChargePointMaxProfile: "ChargingStationMaxProfile",
  TxDefaultProfile: "TxDefaultProfile",
  TxProfile: "TxProfile"
});
var PURPOSES_16 = Object.keys(PURPOSE_16_TO_201);
var KINDS2 = ["Absolute", "Recurring", "Relative"];
var RECURRENCIES = ["Daily", "Weekly"];
var UNITS = ["A", "W"];
var MAX_PERIODS = 1024;
function present(from, names) {
  const out = {};
  for (const name of names) if (from[name] !== void 0) out[name] = from[name];
  return out;
}
function periodProblem(period, index) {
  const name = `chargingSchedulePeriod[${index}]`;
  if (!isObject5(period)) return formation(`${name} must be an object`);
  const problem = checkFields(period, { startPeriod: "int", limit: "number" }, { numberPhases: "int" });
  return problem && { ...problem, description: `${name}: ${problem.description}` };
}
function profile16To201(cs) {
  if (!isObject5(cs)) return formation("the charging profile must be an object");
  const problem = checkFields(
    cs,
    { chargingProfileId: "int", stackLevel: "int", chargingProfilePurpose: PURPOSES_16, chargingProfileKind: KINDS2, chargingSchedule: "object" },
    { transactionId: "int", recurrencyKind: RECURRENCIES, validFrom: "date", validTo: "date" }
  );
  if (problem) return problem;
  if (cs.stackLevel < 0) return constraint("stackLevel must not be negative");
  const schedule = cs.chargingSchedule;
  const scheduleProblem = checkFields(
    schedule,
    { chargingRateUnit: UNITS, chargingSchedulePeriod: "array" },
    { duration: "int", startSchedule: "date", minChargingRate: "number" }
  );
  if (scheduleProblem) return { ...scheduleProblem, description: `chargingSchedule: ${scheduleProblem.description}` };
  const periods16 = schedule.chargingSchedulePeriod;
  if (periods16.length === 0 || periods16.length > MAX_PERIODS) {
    return constraint(`chargingSchedule must have 1 to ${MAX_PERIODS} periods`);
  }
  const periods = [];
  for (const [index, period] of periods16.entries()) {
    const periodIssue = periodProblem(period, index);
    if (periodIssue) return periodIssue;
    periods.push(present(period, ["startPeriod", "limit", "numberPhases"]));
  }
  const profile = {
    id: cs.chargingProfileId,
    stackLevel: cs.stackLevel,
    chargingProfilePurpose: PURPOSE_16_TO_201[cs.chargingProfilePurpose],
    ...present(cs, ["chargingProfileKind", "recurrencyKind", "validFrom", "validTo"]),
    chargingSchedule: [{
      // 2.0.1 schedules need an id; the profile's own id keeps them apart across profiles.
      id: cs.chargingProfileId,
      ...present(schedule, ["startSchedule", "duration", "chargingRateUnit"]),
      chargingSchedulePeriod: periods,
      ...present(schedule, ["minChargingRate"])
    }]
  };
  return { profile };
}
var oneDecimal = (value) => Math.round(value * 10) / 10;
function composite201To16(schedule) {
  if (!isObject5(schedule)) return null;
  const problem = checkFields(schedule, { evseId: "int", duration: "int", scheduleStart: "date", chargingRateUnit: UNITS, chargingSchedulePeriod: "array" });
  if (problem) return null;
  const periods = [];
  for (const period of schedule.chargingSchedulePeriod) {
    if (!isObject5(period) || checkFields(period, { startPeriod: "int", limit: "number" }, { numberPhases: "int" })) return null;
    periods.push({ startPeriod: period.startPeriod, limit: oneDecimal(period.limit), ...present(period, ["numberPhases"]) });
  }
  if (periods.length === 0) return null;
  return {
    connectorId: schedule.evseId,
    scheduleStart: schedule.scheduleStart,
    chargingSchedule: { duration: schedule.duration, chargingRateUnit: schedule.chargingRateUnit, chargingSchedulePeriod: periods }
  };
}

// src/translate/upstream-calls.ts
var CONFIGURATION_KEYS = [
  { key: "MeterValueSampleInterval", component: "SampledDataCtrlr", variable: "TxUpdatedInterval", kind: "int" },
  { key: "MeterValuesSampledData", component: "SampledDataCtrlr", variable: "TxUpdatedMeasurands", kind: "csl" },
  { key: "StopTxnSampledData", component: "SampledDataCtrlr", variable: "TxEndedMeasurands", kind: "csl" },
  { key: "MeterValuesAlignedData", component: "AlignedDataCtrlr", variable: "Measurands", kind: "csl" },
  { key: "ClockAlignedDataInterval", component: "AlignedDataCtrlr", variable: "Interval", kind: "int" },
  { key: "StopTxnAlignedData", component: "AlignedDataCtrlr", variable: "TxEndedMeasurands", kind: "csl" },
  { key: "HeartbeatInterval", component: "OCPPCommCtrlr", variable: "HeartbeatInterval", kind: "int" },
  { key: "WebSocketPingInterval", component: "OCPPCommCtrlr", variable: "WebSocketPingInterval", kind: "int" },
  { key: "ResetRetries", component: "OCPPCommCtrlr", variable: "ResetRetries", kind: "int" },
  { key: "TransactionMessageAttempts", component: "OCPPCommCtrlr", variable: "MessageAttempts", instance: "TransactionEvent", kind: "int" },
  { key: "TransactionMessageRetryInterval", component: "OCPPCommCtrlr", variable: "MessageAttemptInterval", instance: "TransactionEvent", kind: "int" },
  { key: "UnlockConnectorOnEVSideDisconnect", component: "OCPPCommCtrlr", variable: "UnlockOnEVSideDisconnect", kind: "bool" },
  { key: "ConnectionTimeOut", component: "TxCtrlr", variable: "EVConnectionTimeOut", kind: "int" },
  { key: "StopTransactionOnEVSideDisconnect", component: "TxCtrlr", variable: "StopTxOnEVSideDisconnect", kind: "bool" },
  { key: "StopTransactionOnInvalidId", component: "TxCtrlr", variable: "StopTxOnInvalidId", kind: "bool" },
  { key: "MaxEnergyOnInvalidId", component: "TxCtrlr", variable: "MaxEnergyOnInvalidId", kind: "int" },
  { key: "LocalAuthorizeOffline", component: "AuthCtrlr", variable: "LocalAuthorizeOffline", kind: "bool" },
  { key: "LocalPreAuthorize", component: "AuthCtrlr", variable: "LocalPreAuthorize", kind: "bool" },
  { key: "AuthorizeRemoteTxRequests", component: "AuthCtrlr", variable: "AuthorizeRemoteStart", kind: "bool" },
  { key: "AllowOfflineTxForUnknownId", component: "AuthCtrlr", variable: "OfflineTxForUnknownIdEnabled", kind: "bool" },
  { key: "AuthorizationCacheEnabled", component: "AuthCacheCtrlr", variable: "Enabled", kind: "bool" },
  { key: "LocalAuthListEnabled", component: "LocalAuthListCtrlr", variable: "Enabled", kind: "bool" }
];
var ROW_BY_KEY = new Map(CONFIGURATION_KEYS.map((row) => [row.key.toLowerCase(), row]));
var MAX_KEY_LENGTH = 50;
var MAX_VALUE_16 = 500;
var MAX_VALUE_201 = 1e3;
var own = (table, key2) => typeof key2 === "string" && Object.hasOwn(table, key2) ? table[key2] : void 0;
function statusAnswer(table, fallback) {
  return (reply) => ({ status: own(table, isObject5(reply) ? reply.status : void 0) ?? fallback });
}
var same = (...names) => Object.fromEntries(names.map((name) => [name, name]));
var translated = (action, payload, answer) => ({ action, payload, answer });
var answered = (payload) => ({ answered: payload });
function target(connectorId, context) {
  if (connectorId < 0) return constraint("connectorId must not be negative");
  if (connectorId === 0) return "station";
  return context.evses.has(connectorId) ? "evse" : "unknown";
}
var isProblem = (value) => isObject5(value);
var remoteStart = (payload, context) => {
  const problem = checkFields(payload, { idTag: "string" }, { connectorId: "int", chargingProfile: "object" }) ?? tooLong2(payload, "idTag", 36);
  if (problem) return problem;
  let profile;
  if (payload.chargingProfile !== void 0) {
    const result = profile16To201(payload.chargingProfile);
    if (!("profile" in result)) return result;
    if (result.profile.chargingProfilePurpose !== "TxProfile") return constraint("chargingProfile must be a TxProfile");
    profile = result.profile;
  }
  let evseId;
  if (payload.connectorId !== void 0) {
    const where = target(payload.connectorId, context);
    if (isProblem(where)) return where;
    if (where === "station") return constraint("connectorId must be greater than 0");
    if (where === "unknown") return answered({ status: "Rejected" });
    evseId = payload.connectorId;
  }
  return translated("RequestStartTransaction", {
    remoteStartId: context.remoteStartId(),
    idToken: { idToken: payload.idTag, type: "Central" },
    ...evseId === void 0 ? {} : { evseId },
    ...profile ? { chargingProfile: profile } : {}
  }, statusAnswer(same("Accepted", "Rejected"), "Rejected"));
};
var remoteStop = (payload, context) => {
  const problem = checkFields(payload, { transactionId: "int" });
  if (problem) return problem;
  const transactionId = context.transactionIdFor(payload.transactionId);
  if (transactionId === null) return answered({ status: "Rejected" });
  return translated("RequestStopTransaction", { transactionId }, statusAnswer(same("Accepted", "Rejected"), "Rejected"));
};
var reset = (payload) => {
  const problem = checkFields(payload, { type: ["Hard", "Soft"] });
  if (problem) return problem;
  return translated(
    "Reset",
    { type: payload.type === "Hard" ? "Immediate" : "OnIdle" },
    statusAnswer({ Accepted: "Accepted", Scheduled: "Accepted", Rejected: "Rejected" }, "Rejected")
  );
};
var unlockConnector = (payload, context) => {
  const problem = checkFields(payload, { connectorId: "int" });
  if (problem) return problem;
  if (!context.evses.has(payload.connectorId)) return answered({ status: "NotSupported" });
  return translated("UnlockConnector", { evseId: payload.connectorId, connectorId: 1 }, statusAnswer({
    Unlocked: "Unlocked",
    UnlockFailed: "UnlockFailed",
    OngoingAuthorizedTransaction: "UnlockFailed",
    UnknownConnector: "NotSupported"
  }, "UnlockFailed"));
};
var changeAvailability = (payload, context) => {
  const problem = checkFields(payload, { connectorId: "int", type: ["Inoperative", "Operative"] });
  if (problem) return problem;
  const where = target(payload.connectorId, context);
  if (isProblem(where)) return where;
  if (where === "unknown") return answered({ status: "Rejected" });
  return translated("ChangeAvailability", {
    operationalStatus: payload.type,
    ...where === "evse" ? { evse: { id: payload.connectorId } } : {}
  }, statusAnswer(same("Accepted", "Rejected", "Scheduled"), "Rejected"));
};
var TRIGGERS = wireTable({
  ...same("BootNotification", "Heartbeat", "MeterValues", "StatusNotification", "FirmwareStatusNotification"),
  DiagnosticsStatusNotification: "LogStatusNotification"
});
var triggerMessage = (payload, context) => {
  const problem = checkFields(payload, { requestedMessage: Object.keys(TRIGGERS) }, { connectorId: "int" });
  if (problem) return problem;
  const requestedMessage = TRIGGERS[payload.requestedMessage];
  const answer = statusAnswer(same("Accepted", "Rejected", "NotImplemented"), "Rejected");
  const connectorId = payload.connectorId;
  if (connectorId !== void 0 && connectorId < 0) return constraint("connectorId must not be negative");
  let evse;
  if (requestedMessage === "StatusNotification") {
    const id = connectorId ?? (context.evses.size === 1 ? [...context.evses][0] : void 0);
    if (id === void 0 || !context.evses.has(id)) return answered({ status: "Rejected" });
    evse = { id, connectorId: 1 };
  } else if (requestedMessage === "MeterValues" && connectorId !== void 0 && connectorId !== 0) {
    if (!context.evses.has(connectorId)) return answered({ status: "Rejected" });
    evse = { id: connectorId };
  }
  return translated("TriggerMessage", { requestedMessage, ...evse ? { evse } : {} }, answer);
};
function valueTo201(row, value) {
  const trimmed = value.trim();
  switch (row.kind) {
    case "bool": {
      const lower = trimmed.toLowerCase();
      return lower === "true" || lower === "false" ? lower : null;
    }
    case "int":
      return /^-?\d+$/.test(trimmed) ? String(Number(trimmed)) : null;
    case "csl":
      return trimmed.split(",").map((item) => item.trim()).filter((item) => item !== "").join(",");
    default:
      return value;
  }
}
function valueTo16(row, value) {
  if (row.kind === "bool") return value.trim().toLowerCase();
  if (row.kind === "csl") return value.split(",").map((item) => item.trim()).filter((item) => item !== "").join(",");
  return value;
}
var componentVariable = (row) => ({
  component: { name: row.component },
  variable: row.instance === void 0 ? { name: row.variable } : { name: row.variable, instance: row.instance }
});
var SET_STATUS = wireTable({
  ...same("Accepted", "RebootRequired", "Rejected"),
  UnknownComponent: "NotSupported",
  UnknownVariable: "NotSupported",
  NotSupportedAttributeType: "NotSupported"
});
var changeConfiguration = (payload) => {
  const problem = checkFields(payload, { key: "string", value: "string" });
  if (problem) return problem;
  const row = ROW_BY_KEY.get(payload.key.toLowerCase());
  if (!row) return answered({ status: "NotSupported" });
  const attributeValue = valueTo201(row, payload.value);
  if (attributeValue === null || attributeValue.length > MAX_VALUE_201) return answered({ status: "Rejected" });
  return translated("SetVariables", { setVariableData: [{ ...componentVariable(row), attributeValue }] }, (reply) => {
    const results = isObject5(reply) && Array.isArray(reply.setVariableResult) ? reply.setVariableResult : [];
    const first = results[0];
    return { status: own(SET_STATUS, isObject5(first) ? first.attributeStatus : void 0) ?? "Rejected" };
  });
};
function resultFor(result, row) {
  if (!isObject5(result) || !isObject5(result.component) || !isObject5(result.variable)) return false;
  return result.component.name === row.component && result.variable.name === row.variable && result.variable.instance === row.instance;
}
var getConfiguration = (payload) => {
  const problem = checkFields(payload, {}, { key: "array" });
  if (problem) return problem;
  const keys = payload.key ?? [];
  if (keys.some((key2) => typeof key2 !== "string" || key2.length > MAX_KEY_LENGTH)) {
    return formation(`every key must be a string of at most ${MAX_KEY_LENGTH} characters`);
  }
  const asked = keys.length === 0 ? CONFIGURATION_KEYS.map((row) => row.key) : [...new Set(keys)];
  const known = [];
  const unknownKey = [];
  for (const key2 of asked) {
    const row = ROW_BY_KEY.get(key2.toLowerCase());
    if (!row) unknownKey.push(key2);
    else if (!known.some((entry) => entry.row === row)) known.push({ key: key2, row });
  }
  if (known.length === 0) return answered({ configurationKey: [], unknownKey });
  return translated("GetVariables", { getVariableData: known.map(({ row }) => componentVariable(row)) }, (reply) => {
    const results = isObject5(reply) && Array.isArray(reply.getVariableResult) ? reply.getVariableResult : [];
    const configurationKey = [];
    const missing = [];
    for (const { key: key2, row } of known) {
      const result = results.find((candidate) => resultFor(candidate, row));
      if (!result || result.attributeStatus !== "Accepted") {
        missing.push(key2);
        continue;
      }
      const value = typeof result.attributeValue === "string" ? valueTo16(row, result.attributeValue) : void 0;
      configurationKey.push({ key: key2, readonly: false, ...value !== void 0 && value.length <= MAX_VALUE_16 ? { value } : {} });
    }
    return { configurationKey, unknownKey: [...unknownKey, ...missing] };
  });
};
var setChargingProfile = (payload, context) => {
  const problem = checkFields(payload, { connectorId: "int", csChargingProfiles: "object" });
  if (problem) return problem;
  const result = profile16To201(payload.csChargingProfiles);
  if (!("profile" in result)) return result;
  const where = target(payload.connectorId, context);
  if (isProblem(where)) return where;
  if (where === "unknown") return answered({ status: "Rejected" });
  let profile = result.profile;
  if (profile.chargingProfilePurpose === "TxProfile") {
    const upstreamTx = payload.csChargingProfiles.transactionId;
    const transactionId = typeof upstreamTx === "number" ? context.transactionIdFor(upstreamTx) : null;
    if (transactionId === null) return answered({ status: "Rejected" });
    profile = { ...profile, transactionId };
  }
  return translated(
    "SetChargingProfile",
    { evseId: payload.connectorId, chargingProfile: profile },
    statusAnswer(same("Accepted", "Rejected"), "Rejected")
  );
};
var clearChargingProfile = (payload, context) => {
  const problem = checkFields(payload, {}, { id: "int", connectorId: "int", chargingProfilePurpose: Object.keys(PURPOSE_16_TO_201), stackLevel: "int" });
  if (problem) return problem;
  if (payload.connectorId !== void 0) {
    const where = target(payload.connectorId, context);
    if (isProblem(where)) return where;
    if (where === "unknown") return answered({ status: "Unknown" });
  }
  const criteria = {};
  if (payload.connectorId !== void 0) criteria.evseId = payload.connectorId;
  if (payload.chargingProfilePurpose !== void 0) criteria.chargingProfilePurpose = PURPOSE_16_TO_201[payload.chargingProfilePurpose];
  if (payload.stackLevel !== void 0) criteria.stackLevel = payload.stackLevel;
  return translated("ClearChargingProfile", {
    ...payload.id === void 0 ? {} : { chargingProfileId: payload.id },
    ...Object.keys(criteria).length === 0 ? {} : { chargingProfileCriteria: criteria }
  }, statusAnswer(same("Accepted", "Unknown"), "Unknown"));
};
var getCompositeSchedule = (payload, context) => {
  const problem = checkFields(payload, { connectorId: "int", duration: "int" }, { chargingRateUnit: ["A", "W"] });
  if (problem) return problem;
  const connectorId = payload.connectorId;
  const where = target(connectorId, context);
  if (isProblem(where)) return where;
  if (where === "unknown") return answered({ status: "Rejected" });
  return translated("GetCompositeSchedule", {
    duration: payload.duration,
    evseId: connectorId,
    ...payload.chargingRateUnit === void 0 ? {} : { chargingRateUnit: payload.chargingRateUnit }
  }, (reply) => {
    if (!isObject5(reply) || reply.status !== "Accepted") return { status: "Rejected" };
    if (reply.schedule === void 0) return { status: "Accepted", connectorId };
    const schedule = composite201To16(reply.schedule);
    return schedule ? { status: "Accepted", ...schedule } : { status: "Rejected" };
  });
};
var dataTransfer = (payload) => {
  const problem = checkFields(payload, { vendorId: "string" }, { messageId: "string", data: "string" }) ?? tooLong2(payload, "vendorId", 255) ?? tooLong2(payload, "messageId", 50);
  if (problem) return problem;
  const request = { vendorId: payload.vendorId };
  if (payload.messageId !== void 0) request.messageId = payload.messageId;
  if (payload.data !== void 0) request.data = payload.data;
  return translated("DataTransfer", request, (reply) => {
    const status = own(same("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId"), isObject5(reply) ? reply.status : void 0) ?? "Rejected";
    const data = isObject5(reply) ? reply.data : void 0;
    if (data === void 0 || data === null) return { status };
    return { status, data: typeof data === "string" ? data : JSON.stringify(data) };
  });
};
var TRANSLATORS = wireTable({
  RemoteStartTransaction: remoteStart,
  RemoteStopTransaction: remoteStop,
  Reset: reset,
  UnlockConnector: unlockConnector,
  ChangeAvailability: changeAvailability,
  TriggerMessage: triggerMessage,
  ChangeConfiguration: changeConfiguration,
  GetConfiguration: getConfiguration,
  SetChargingProfile: setChargingProfile,
  ClearChargingProfile: clearChargingProfile,
  GetCompositeSchedule: getCompositeSchedule,
  DataTransfer: dataTransfer
});
function upstreamCallTo201(action, payload, context) {
  const translate = Object.hasOwn(TRANSLATORS, action) ? TRANSLATORS[action] : void 0;
  if (!translate) return { error: "NotSupported", description: `${action} has no 2.0.1 counterpart here` };
  if (!isObject5(payload)) return formation("the payload must be a JSON object");
  try {
    return translate(payload, context);
  } catch (error) {
    return { error: "GenericError", description: `translating ${action} failed: ${error?.message ?? String(error)}` };
  }
}

// src/translate/link-translation.ts
var CALL2 = 2;
var CALLRESULT2 = 3;
var CALLERROR2 = 4;
var ERROR_CODES_16 = wireTable({
  FormatViolation: "FormationViolation",
  OccurrenceConstraintViolation: "OccurenceConstraintViolation",
  MessageTypeNotSupported: "NotSupported",
  RpcFrameworkError: "GenericError"
});
var LinkTranslation = class {
  calls;
  /** Calls sent to the upstream and not answered yet, by id. */
  sent = /* @__PURE__ */ new Map();
  /** Calls that wait for their transaction's 1.6 id, in order, with the charger's id for the first. */
  held = [];
  /** The upstream's Calls passed to the charger, by id: how the charger's answer goes back in 1.6. */
  upstreamCalls = /* @__PURE__ */ new Map();
  /** RequestStartTransaction ids this link gives: from a random start, so they do not meet another upstream's. */
  nextRemoteStartId = 1 + Math.floor(Math.random() * 1e9);
  /** `state`: a snapshot kept from before (a reconnect, a restart); `save` keeps each new one. */
  constructor(state = null, save = () => void 0) {
    this.calls = ChargerCallsTo16.restored(state);
    this.calls.onChange = () => save(this.calls.snapshot());
  }
  /** A frame the session sends to the 1.6 upstream. */
  outgoing(text3) {
    const frame = parse(text3);
    if (frame === null) return { wire: [], settled: null, note: "not a frame" };
    if (frame[0] !== CALL2) return { wire: this.answerUpstream(frame), settled: null, note: null };
    const [, id, action, payload] = frame;
    const out = this.calls.translate(action, payload);
    if ("dropped" in out) return { wire: [], settled: { id, why: out.dropped }, note: null };
    if (out.calls.length === 0) return { wire: [], settled: { id, why: out.note ?? `${action} has nothing for 1.6` }, note: null };
    const wire = [];
    out.calls.forEach((call, i) => {
      const callId = i === 0 ? id : randomUUID();
      const action201 = i === 0 ? action : null;
      if (call.waitsFor !== void 0 && (this.held.length > 0 || this.calls.fill(call) === null)) {
        this.held.push({ call, id: callId, action201 });
        return;
      }
      wire.push(this.send(this.calls.fill(call), callId, action201, chargerTxOf(action, payload)));
    });
    return { wire, settled: null, note: out.note ?? null };
  }
  /** A frame from the 1.6 upstream. */
  incoming(text3) {
    const frame = parse(text3);
    if (frame === null) return { received: null, deliver: text3, wire: [] };
    const id = String(frame[1]);
    const isCall = frame[0] === CALL2;
    const action = isCall ? typeof frame[2] === "string" ? frame[2] : null : this.sent.get(id)?.action16 ?? null;
    const received = { text: text3, type: isCall ? "CALL" : frame[0] === CALLERROR2 ? "CALLERROR" : "CALLRESULT", id, action };
    return { received, ...isCall ? this.upstreamCall(frame) : this.answered(frame, id, text3) };
  }
  /** The upstream's answer to a Call of the translation: for the session in the charger's version, and held Calls it frees. */
  answered(frame, id, text3) {
    const sent = this.sent.get(id);
    if (sent === void 0) return { deliver: text3, wire: [] };
    this.sent.delete(id);
    const wire = [];
    if (frame[0] === CALLRESULT2 && sent.action16 === "StartTransaction" && sent.chargerTx !== null) {
      const upstreamTx = frame[2].transactionId;
      if (typeof upstreamTx === "number") {
        this.calls.started(sent.chargerTx, upstreamTx);
        wire.push(...this.release());
      }
    }
    if (sent.action201 === null) return { deliver: null, wire };
    if (frame[0] === CALLERROR2) return { deliver: text3, wire };
    return { deliver: JSON.stringify([CALLRESULT2, id, answerTo201(sent.action201, frame[2])]), wire };
  }
  /** The link closed: what was sent and not answered will be sent again from the outbox, translated anew. */
  reset() {
    this.sent.clear();
    this.held = [];
    this.upstreamCalls.clear();
  }
  /** An upstream 1.6 Call: to the session as the 2.0.1 Call, or answered here (refused, or known without the charger). */
  upstreamCall(frame) {
    const [, id, action, payload] = frame;
    const reply = (text3, type) => ({ deliver: null, wire: [{ text: text3, type, id, action: typeof action === "string" ? action : null, blocked: true }] });
    if (typeof action !== "string" || typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      return reply(JSON.stringify([CALLERROR2, id, "FormationViolation", "not a Call", {}]), "CALLERROR");
    }
    const context = {
      evses: this.calls.evses(),
      transactionIdFor: (upstreamTx) => this.calls.chargerTxFor(upstreamTx),
      remoteStartId: () => this.nextRemoteStartId++
    };
    const out = upstreamCallTo201(action, payload, context);
    if ("answered" in out) return reply(JSON.stringify([CALLRESULT2, id, out.answered]), "CALLRESULT");
    if ("error" in out) return reply(JSON.stringify([CALLERROR2, id, out.error, out.description, {}]), "CALLERROR");
    this.upstreamCalls.set(id, { action, answer: out.answer });
    return { deliver: JSON.stringify([CALL2, id, out.action, out.payload]), wire: [] };
  }
  /** The charger's answer (via the session) to an upstream Call: in 1.6. */
  answerUpstream(frame) {
    const id = String(frame[1]);
    const pending = this.upstreamCalls.get(id);
    if (pending === void 0) return [];
    this.upstreamCalls.delete(id);
    if (frame[0] === CALLRESULT2) {
      const payload = typeof frame[2] === "object" && frame[2] !== null ? frame[2] : {};
      return [{ text: JSON.stringify([CALLRESULT2, id, pending.answer(payload)]), type: "CALLRESULT", id, action: pending.action }];
    }
    const code = errorCodeTo16(typeof frame[2] === "string" ? frame[2] : "GenericError");
    return [{ text: JSON.stringify([CALLERROR2, id, code, typeof frame[3] === "string" ? frame[3] : "", {}]), type: "CALLERROR", id, action: pending.action }];
  }
  /** Held Calls whose transaction id is known now, in order, up to the first that still waits. */
  release() {
    const out = [];
    while (this.held.length > 0) {
      const { call, id, action201 } = this.held[0];
      const filled = this.calls.fill(call);
      if (filled === null) break;
      this.held.shift();
      out.push(this.send(filled, id, action201, null));
    }
    return out;
  }
  send(call, id, action201, chargerTx) {
    this.sent.set(id, { action201, action16: call.action, chargerTx: call.action === "StartTransaction" ? chargerTx : null });
    return { text: JSON.stringify([CALL2, id, call.action, call.payload]), type: "CALL", id, action: call.action };
  }
};
function errorCodeTo16(code) {
  return ERROR_CODES_16[code] ?? code;
}
function chargerTxOf(action, payload) {
  if (action !== "TransactionEvent") return null;
  const id = (payload.transactionInfo ?? {}).transactionId;
  return typeof id === "string" ? id : null;
}
function parse(text3) {
  try {
    const frame = JSON.parse(text3);
    return Array.isArray(frame) && typeof frame[0] === "number" && typeof frame[1] === "string" ? frame : null;
  } catch {
    return null;
  }
}

// src/session/translated-links.ts
function offerFor(link, charger, chargerId, store, log) {
  const wanted = link.config.protocol;
  if (wanted === null || wanted === charger) return charger;
  if (wanted === "ocpp1.6") {
    const key2 = `translation ${chargerId} ${link.name}`;
    link.translation = new LinkTranslation(store?.getSetting(key2) ?? null, (snapshot) => {
      try {
        store?.setSetting(key2, snapshot);
      } catch (error) {
        log.error(`${chargerId}: state database: ${error.message}`);
      }
    });
    log.info(`${link.name} speaks ocpp1.6: the charger's ${charger} frames are translated for it`);
    return wanted;
  }
  log.error(`${link.name}: translating ${charger} to ${wanted} is not supported (only 2.0.1/2.1 chargers to 1.6 upstreams); not connected`);
  return null;
}
function primaryOffer(link, offered, chargerId, store, log) {
  const version = link.config.protocol === "ocpp1.6" ? offered.find((p) => p === "ocpp2.1" || p === "ocpp2.0.1") : void 0;
  if (version === void 0) return { offer: offered, charger: null };
  offerFor(link, version, chargerId, store, log);
  return { offer: ["ocpp1.6"], charger: version };
}
var TRANSLATED = ["translated"];
var TRANSLATED_BLOCKED = ["translated", "blocked"];
function proxySideOf(links, to, tags) {
  const link = links.find((l) => l.name === to && l.translation !== null);
  return link === void 0 ? null : { to: "proxy", tags: [...tags, link.lastTranslation] };
}
function wireEntry(chargerId, link, direction, frame) {
  const [from, to] = direction === "out" ? [frame.blocked === true ? "proxy" : "charger", link.name] : [link.name, "proxy"];
  return { ts: (/* @__PURE__ */ new Date()).toISOString(), charger: chargerId, from, to, type: frame.type, id: frame.id, action: frame.action, tags: frame.blocked === true ? TRANSLATED_BLOCKED : TRANSLATED, raw: frame.text };
}

// src/session/call-slot.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/session/call-queue.ts
var CallQueue = class {
  proxyCalls = [];
  primaryCalls = [];
  otherCalls = [];
  counts = new LazyMap();
  primary;
  constructor(primary) {
    this.primary = primary;
  }
  get length() {
    return this.proxyCalls.length + this.primaryCalls.length + this.otherCalls.length;
  }
  /** The proxy's own Calls waiting. */
  get proxyCallCount() {
    return this.proxyCalls.length;
  }
  countFor(source) {
    return this.counts.get(source) ?? 0;
  }
  push(call) {
    if (call.source === null) {
      this.proxyCalls.push(call);
      return;
    }
    (call.source === this.primary ? this.primaryCalls : this.otherCalls).push(call);
    this.counts.set(call.source, this.countFor(call.source) + 1);
  }
  /** The next Call to send: the proxy's, then the primary's; the others only when `releaseOthers`. */
  shift(releaseOthers) {
    const call = this.proxyCalls.shift() ?? this.primaryCalls.shift() ?? (releaseOthers ? this.otherCalls.shift() : void 0);
    if (call?.source != null) this.counts.set(call.source, this.countFor(call.source) - 1);
    return call;
  }
  /** Takes a Call out before it went (its caller gave up); false when it is no longer queued. */
  remove(call) {
    for (const list of [this.proxyCalls, this.primaryCalls, this.otherCalls]) {
      const at2 = list.indexOf(call);
      if (at2 < 0) continue;
      list.splice(at2, 1);
      if (call.source !== null) this.counts.set(call.source, this.countFor(call.source) - 1);
      return true;
    }
    return false;
  }
  /**
   * Forgets the Calls of a source that went away; nobody is left to answer them to. A stage that
   * waits for the charger's verdict on one learns it never went (`onChargerAnswer(null)`).
   */
  drop(source) {
    const list = source === this.primary ? this.primaryCalls : this.otherCalls;
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) {
      const call = list[i];
      if (call.source !== source) continue;
      list.splice(i, 1);
      call.onChargerAnswer?.(null);
    }
    this.counts.delete(source);
    return before - list.length;
  }
  /** Forgets every Call (the charger went away); stages waiting for a verdict learn there is none. */
  clear() {
    for (const list of [this.proxyCalls, this.primaryCalls, this.otherCalls]) for (const call of list) call.onChargerAnswer?.(null);
    this.proxyCalls.length = 0;
    this.primaryCalls.length = 0;
    this.otherCalls.length = 0;
    this.counts.clear();
  }
};

// src/session/session-core.ts
var NO_TAGS = [];
var DROPPED = ["dropped"];
var QUEUED = ["queued"];
var REPLAYED = ["replayed"];
var BLOCKED = ["blocked"];
var FIXED = ["fixed"];
var INJECTED = ["injected"];
var FILTERED = ["filtered"];
function internalError(session, from, text3, error) {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  session.log.proxy.error(`internal error on a frame from ${from}, dropped: ${text3.slice(0, 200)}: ${detail}`);
}
var HIGH_WATER_MARK = 1024 * 1024;

// src/errors.ts
var ProxyError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
  }
};
var HTTP_STATUS = {
  ERR_NOT_CONNECTED: 404,
  ERR_CALL_TIMEOUT: 504,
  ERR_BUSY: 429,
  ERR_STORE: 503,
  ERR_LISTEN: 500,
  ERR_LOG_FILE: 500,
  ERR_TLS_FILE: 500
};
function httpStatusOf(error) {
  return error instanceof ProxyError ? HTTP_STATUS[error.code] : 500;
}

// src/session/call-slot.ts
var MAX_WAITING_PROXY_CALLS = 20;
var CallSlot = class {
  session;
  queue;
  inFlight = null;
  /** The configuration views were read on this connection. */
  viewsRead = false;
  constructor(session) {
    this.session = session;
    this.queue = new CallQueue(session.primary);
  }
  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls() {
    return this.queue.length + (this.inFlight === null ? 0 : 1);
  }
  countFor(link) {
    return this.queue.countFor(link);
  }
  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action, payload) {
    const session = this.session;
    return new Promise((resolve6, reject) => {
      if (!session.chargerReady) {
        reject(new ProxyError("ERR_NOT_CONNECTED", `${session.chargerId} is not connected`));
        return;
      }
      if (this.queue.proxyCallCount >= MAX_WAITING_PROXY_CALLS) {
        reject(new ProxyError("ERR_BUSY", `${session.chargerId} already has ${MAX_WAITING_PROXY_CALLS} commands waiting; try again once they are answered`));
        return;
      }
      const call = this.queueProxyCall(action, payload, (answer) => {
        clearTimeout(timer);
        resolve6(answer);
      });
      const timer = setTimeout(() => {
        this.queue.remove(call);
        reject(new ProxyError("ERR_CALL_TIMEOUT", `no answer from ${session.chargerId} in time`));
      }, session.callTimeoutMs * 2);
      this.sendNext();
    });
  }
  /** `[autoconfig]`: after each accepted boot, every key goes to the charger, ahead of held calls. */
  startAutoconfig() {
    const { context, memory, log } = this.session;
    for (const { key: key2, action, payload } of autoconfigCalls(this.session.protocol, context.config.autoconfig)) {
      this.queueProxyCall(action, payload, (answer) => {
        const status = answer.payload === null ? "CallError" : configStatus(action, answer.payload);
        memory.autoconfigResults.set(key2, status);
        if (status === "Accepted") log.proxy.info(`autoconfig ${key2}: Accepted`);
        else log.proxy.warn(`autoconfig ${key2}: ${status}`);
      });
    }
    this.readConfigViews();
  }
  /**
   * The charger connected: one whose boot the primary accepted on an earlier connection (a 1.6
   * charger that reconnects without booting) has its configuration views read now, and gets the
   * charging profiles that changed while it was away.
   */
  connected() {
    if (!this.session.memory.bootAccepted()) return;
    this.readConfigViews();
    this.session.memory.knownChargingProfiles?.resume();
    this.sendNext();
  }
  /**
   * `[configuration]` views: the charger's own values of the shared keys, read once per connection
   * after an accepted boot (answers consumed); where the charger lost the effective value, it is
   * sent again.
   */
  readConfigViews() {
    const { context, memory, log, protocol } = this.session;
    const views = memory.knownConfigViews;
    if (views === null || views.keyList.length === 0 || this.viewsRead) return;
    this.viewsRead = true;
    const autoconfig = new Map(context.config.autoconfig.map(([key2, value]) => [key2.toLowerCase(), value]));
    const names = views.keyList.map(([, key2]) => key2.name);
    const is16 = protocol === "ocpp1.6";
    const read = is16 ? { key: names } : { getVariableData: names.map(variableRef).filter((ref) => ref !== null) };
    this.queueProxyCall(is16 ? "GetConfiguration" : "GetVariables", read, (answer) => {
      const values = /* @__PURE__ */ new Map();
      for (const item of answer.payload?.[is16 ? "configurationKey" : "getVariableResult"] ?? []) {
        if (is16 && typeof item.key === "string" && typeof item.value === "string") values.set(item.key.toLowerCase(), item.value);
        else if (!is16 && item.attributeStatus === "Accepted" && typeof item.attributeValue === "string") values.set(variableKeyId(item.component, item.variable), item.attributeValue);
      }
      if (answer.payload === null) log.proxy.warn("the charger did not answer the read of the configuration views; they start from [autoconfig]");
      for (const [key2, value] of views.chargerRead(values, autoconfig)) {
        log.proxy.info(`configuration view ${key2}: the charger holds another value, sending the effective ${value} again`);
        const payload = is16 ? { key: key2, value } : { setVariableData: [{ attributeValue: value, ...variableRef(key2) }] };
        this.queueProxyCall(is16 ? "ChangeConfiguration" : "SetVariables", payload, (result) => {
          const status = result.payload === null ? "CallError" : configStatus(is16 ? "ChangeConfiguration" : "SetVariables", result.payload);
          if (status !== "Accepted" && status !== "RebootRequired") log.proxy.warn(`configuration view ${key2}: the charger answered ${status}`);
        });
      }
      this.sendNext();
    });
  }
  /** An upstream's Call, ready to go: queued, and sent at once if the slot is free (`payload`: its parse, if its text is unchanged). */
  push(call, payload) {
    this.queue.push(call);
    this.sendNext(call, payload);
  }
  /** Sends the next Call if the slot is free; `arrived` is the one just queued (not tagged `queued` if it goes at once). */
  sendNext(arrived, payload) {
    if (this.inFlight !== null || !this.session.chargerReady) return;
    const call = this.queue.shift(this.session.memory.bootAccepted());
    if (call === void 0) return;
    const decided = call.atSend?.();
    if (decided !== void 0 && "answer" in decided) {
      this.answerAtSend(call, decided.answer, decided.note);
      this.sendNext();
      return;
    }
    if (decided !== void 0) call.text = decided.text;
    if (call === arrived) this.send(call, NO_TAGS, decided === void 0 ? payload ?? null : null);
    else this.send(call, QUEUED, null);
  }
  /** A waiting Call a stage no longer needs sent: the proxy answers its source. */
  answerAtSend(call, answer, note) {
    const link = call.source;
    const ts = (/* @__PURE__ */ new Date()).toISOString();
    this.session.record({ ts, from: link.name, to: "proxy", type: "CALL", id: call.id, action: call.action, tags: NO_TAGS, raw: redactSecrets(call.action, JSON.parse(call.text)[3], call.text) });
    this.session.log.proxy.info(note);
    if (!link.isOpen) return;
    const out = `[${CALLRESULT},${call.idLiteral},${JSON.stringify(answer)}]`;
    link.send(out);
    this.session.record({ ts, from: "proxy", to: link.name, type: "CALLRESULT", id: call.id, action: call.action, tags: NO_TAGS, raw: out });
  }
  /** The charger answered the Call in flight: back to its source alone, under the source's own id. */
  answered(frame, text3, ts) {
    const session = this.session;
    const typeName = TYPE_NAMES[frame.type];
    const proxyId = frame.id;
    const inFlight = this.inFlight;
    if (inFlight === null || inFlight.proxyId !== proxyId) {
      session.record({ ts, from: "charger", to: "proxy", type: typeName, id: proxyId, action: null, tags: DROPPED, raw: text3 });
      session.log.proxy.info(`${typeName} ${proxyId} answers no pending call (late or unknown), dropped`);
      return;
    }
    clearTimeout(inFlight.timer);
    this.inFlight = null;
    const { call } = inFlight;
    const link = call.source;
    const answerPayload = frame.type === CALLRESULT ? frame.payload : null;
    const hop = { ts, type: typeName, action: call.action };
    call.onChargerAnswer?.(answerPayload);
    if (link === null) {
      session.record({ ...hop, from: "charger", to: "proxy", id: proxyId, tags: INJECTED, raw: redactAnswerSecrets(call.action, answerPayload, text3) });
      call.onAnswer?.({ type: typeName, payload: answerPayload });
    } else if (!link.isOpen) {
      session.record({ ...hop, from: "charger", to: "proxy", id: proxyId, tags: DROPPED, raw: redactAnswerSecrets(call.action, answerPayload, text3) });
      session.log.proxy.info(`answer to ${link.name}'s ${call.action} dropped, ${link.name} is not connected`);
    } else {
      const answer = call.rewriteAnswer !== void 0 && frame.type === CALLRESULT ? call.rewriteAnswer(text3) : text3;
      const out = withId(answer, call.idLiteral);
      link.send(out);
      session.record({ ...hop, from: "charger", to: link.name, id: call.id, tags: NO_TAGS, raw: redactAnswerSecrets(call.action, answerPayload, out) });
    }
    this.sendNext();
  }
  /** Forgets the Calls of a source that went away; nobody is left to answer them to. */
  drop(link) {
    return this.queue.drop(link);
  }
  /** The session ended: nothing more goes out. */
  clear() {
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight !== null) {
      clearTimeout(inFlight.timer);
      inFlight.call.onChargerAnswer?.(null);
    }
    this.queue.clear();
  }
  /** Queues a Call of the proxy's own; its id is assigned when it goes, its answer goes to `onAnswer`. */
  queueProxyCall(action, payload, onAnswer) {
    const call = { source: null, id: "", idLiteral: '""', action, text: JSON.stringify([CALL, "", action, payload]), onAnswer };
    this.queue.push(call);
    return call;
  }
  send(call, tags, payload) {
    const proxyId = randomUUID2();
    const out = withId(call.text, `"${proxyId}"`);
    this.inFlight = { call, proxyId, timer: setTimeout(() => this.timedOut(proxyId), this.session.callTimeoutMs) };
    this.session.sendToCharger(out);
    const raw = payload === null ? redactSecrets(call.action, JSON.parse(out)[3], out) : redactSecrets(call.action, payload, out);
    const from = call.source === null ? "proxy" : call.source.name;
    this.session.record({ ts: (/* @__PURE__ */ new Date()).toISOString(), from, to: "charger", type: "CALL", id: proxyId, action: call.action, tags: call.source === null ? INJECTED : tags, raw });
  }
  timedOut(proxyId) {
    if (this.inFlight?.proxyId !== proxyId) return;
    const { call } = this.inFlight;
    this.session.log.proxy.warn(`no answer to ${call.source?.name ?? "the proxy"}'s ${call.action} within call_timeout, slot freed`);
    call.onChargerAnswer?.(null);
    this.inFlight = null;
    this.sendNext();
  }
};

// src/session/durable-delivery.ts
var REPLAYED_FROM_OUTBOX = ["replayed"];
function isTransactionCall(action, payload) {
  if (action === "TransactionEvent" || action === "StartTransaction" || action === "StopTransaction") return true;
  return action === "MeterValues" && payload.transactionId !== void 0;
}
var DurableDelivery = class {
  outbox;
  charger;
  /** Per link: the charger's Call id → its outbox entry (and, for a StartTransaction, the charger's transaction id). */
  sent = new LazyMap();
  /** StartTransaction Calls not yet answered by their answerer → their entries. */
  starts = new LazyMap();
  constructor(outbox, charger) {
    this.outbox = outbox;
    this.charger = charger;
  }
  /**
   * A charger transaction Call for a link that does not answer it: kept until that link answers.
   * `sentLive`: the link takes it now (else it waits in the link's backlog). Returns its seq.
   */
  keep(link, id, action, text3, at2, sentLive) {
    const key2 = this.outbox.put({ charger: this.charger, upstream: link.name, callId: id, action, text: text3, at: at2 }, sentLive);
    this.track(link, id, key2, null);
    if (action === "StartTransaction") this.starts.set(id, [...this.starts.get(id) ?? [], key2]);
    return key2.seq;
  }
  /** The answerer gave the charger's transaction id: a replay of that Start can map the upstream's own id. */
  startAnswered(id, chargerTx) {
    for (const key2 of this.starts.get(id) ?? []) this.outbox.startedAs(key2, chargerTx);
    this.starts.delete(id);
  }
  /**
   * An upstream answered a Call (CallResult, or a CallError: `refused`, counted): its entry goes.
   * Returns the charger's transaction id of a replayed StartTransaction (its answer carries this
   * upstream's id), else null; null also when the Call was not kept for this link.
   */
  answered(link, id, refused = false) {
    const own2 = this.sent.get(link);
    const entry = own2?.get(id);
    if (entry === void 0) return null;
    own2.delete(id);
    this.outbox.done(entry.key);
    if (refused) this.outbox.refused++;
    return { chargerTx: entry.chargerTx };
  }
  /** The link is (back) open: everything it has not answered, from the outbox, oldest first. */
  pendingFrames(link) {
    const own2 = new LazyMap();
    this.sent.set(link, own2);
    return this.outbox.pending(this.charger, link.name).map((entry) => {
      own2.set(entry.callId, { key: { charger: entry.charger, upstream: entry.upstream, seq: entry.seq }, chargerTx: entry.chargerTx });
      return { data: entry.text, text: entry.text, type: "CALL", id: entry.callId, action: entry.action, tags: REPLAYED_FROM_OUTBOX, seq: entry.seq };
    });
  }
  track(link, id, key2, chargerTx) {
    let own2 = this.sent.get(link);
    if (own2 === void 0) this.sent.set(link, own2 = /* @__PURE__ */ new Map());
    own2.set(id, { key: key2, chargerTx });
  }
};

// src/session/charger-frames.ts
var MAX_BAD_FRAMES = 10;
var ChargerFrames = class {
  session;
  parts;
  badFrameStreak = 0;
  constructor(session, parts) {
    this.session = session;
    this.parts = parts;
  }
  /** A text frame from the charger (`now`: when it arrived). */
  received(data, now, closeCharger) {
    const text3 = data.toString();
    try {
      this.handle(data, text3, now, closeCharger);
    } catch (error) {
      internalError(this.session, "the charger", text3, error);
    }
  }
  handle(data, text3, now, closeCharger) {
    const session = this.session;
    const ts = new Date(now).toISOString();
    if (text3 === "") {
      session.record({ ts, from: "charger", to: "proxy", type: "INVALID", id: null, action: null, tags: NO_TAGS, raw: text3 });
      return;
    }
    const parsed = parseFrame(text3, this.parts.rules.messageTypes);
    if (!parsed.ok) {
      this.reject(parsed, text3, ts, closeCharger);
      return;
    }
    this.badFrameStreak = 0;
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
        this.call(data, text3, frame.id, frame.action, frame.payload, now, ts);
        return;
      case SEND:
        for (const link of session.links) this.toUpstream(link, data, { ts, type: "SEND", id: frame.id, action: frame.action, tags: NO_TAGS, raw: text3 });
        return;
      case CALLRESULTERROR:
        this.toUpstream(session.primary, data, { ts, type: "CALLRESULTERROR", id: frame.id, action: null, tags: NO_TAGS, raw: text3 });
        return;
      default:
        this.parts.slot.answered(frame, text3, ts);
    }
  }
  call(data, text3, id, action, payload, now, ts) {
    const { session, parts } = this;
    parts.upstreams.chargerCallArrived(action);
    let out = data;
    let outText = text3;
    let tags = NO_TAGS;
    const fixed = parts.fixups.apply(action, payload, text3, session.memory, now);
    if (fixed !== null) {
      out = outText = fixed.text;
      tags = FIXED;
      for (const fix of fixed.fixes) session.log.proxy.info(`${fix.rule} fixed ${action} ${fix.field}: ${JSON.stringify(fix.was)} \u2192 ${JSON.stringify(fix.now)}`);
    }
    const route = parts.transactions.routeChargerCall(action, payload, id);
    if (route === "resent") {
      session.memory.rememberCall(action, payload, outText);
      this.answerResentStart(id, payload, outText, ts);
      return;
    }
    const answerer = route?.answerer ?? session.primary;
    if (answerer !== session.primary) parts.upstreams.expectAnswer(id, answerer);
    const logText = redactSecrets(action, payload, outText);
    const hop = { ts, type: "CALL", id, action, tags };
    const durable = parts.upstreams.durable !== null && isTransactionCall(action, payload) ? parts.upstreams.durable : null;
    for (const link of route?.targets ?? session.links) {
      const stages = parts.toUpstreamStages.get(link);
      const result = stages.length === 0 ? null : runChain(stages, "toUpstream", { type: "CALL", id, action, payload, text: outText, toAnswerer: link === answerer });
      if (result === null || result.stopped === null && result.text === outText) {
        const seq = durable !== null && link !== answerer ? durable.keep(link, id, action, outText, now, link.isWritable) : void 0;
        this.toUpstream(link, out, { ...hop, raw: logText }, seq);
      } else if (result.stopped === null) {
        const seq = durable !== null && link !== answerer ? durable.keep(link, id, action, result.text, now, link.isWritable) : void 0;
        this.toUpstream(link, result.text, { ...hop, tags: result.filtered ? FILTERED : hop.tags, raw: result.text }, seq);
        for (const note of result.notes) session.log.proxy.info(note);
      } else {
        session.record({ ts, from: "charger", to: "proxy", type: "CALL", id, action, tags: DROPPED, raw: logText });
        session.log.proxy.info(`not for ${link.name}: ${result.stopped.note}`);
      }
      if (action === "StartTransaction" && link !== answerer) parts.upstreams.awaitStart(link, id);
    }
    session.memory.rememberCall(action, payload, outText);
    parts.transactions.chargerCallForwarded(action, payload);
    this.chargerEvent(action, payload, ts);
  }
  /** A charger frame to one upstream: sent now, or kept in its backlog while it is away or catching up. */
  toUpstream(link, data, hop, seq) {
    const session = this.session;
    if (link.isWritable) {
      link.send(data);
      if (hop.type === "CALL") link.awaitingReplies.set(hop.id, hop.action);
      session.record({ ...hop, from: "charger", to: link.name });
      if (link.bufferedAmount > HIGH_WATER_MARK) session.holdBack("toUpstreams");
      return;
    }
    for (const dropped of link.catchUp.push({ data, text: hop.raw, type: hop.type, id: hop.id, action: hop.action, tags: hop.tags, ...seq !== void 0 ? { seq } : {} })) {
      if (dropped.seq !== void 0) continue;
      session.record({ ts: hop.ts, from: "charger", to: "proxy", type: dropped.type, id: dropped.id, action: dropped.action, tags: DROPPED, raw: dropped.text });
      session.log.proxy.warn(`backlog for ${link.name} is full, dropped ${dropped.action ?? dropped.type} ${dropped.id}`);
    }
  }
  /** The charger sent a StartTransaction again: never start it twice upstream; give it the owner's answer. */
  answerResentStart(callId, payload, text3, ts) {
    const session = this.session;
    session.record({ ts, from: "charger", to: "proxy", type: "CALL", id: callId, action: "StartTransaction", tags: DROPPED, raw: text3 });
    const answer = this.parts.transactions.resentStart(payload, callId);
    session.log.proxy.info(`StartTransaction ${callId} is a resend; ${answer === null ? "the owner's answer will carry its id" : "answering with the owner's answer"}`);
    if (answer === null) return;
    const out = withId(answer, JSON.stringify(callId));
    session.sendToCharger(out);
    session.record({ ts, from: "proxy", to: "charger", type: "CALLRESULT", id: callId, action: "StartTransaction", tags: NO_TAGS, raw: out });
  }
  /** Boot, status and meter events for listeners (event API, sharing rules). */
  chargerEvent(action, payload, at2) {
    const { chargerId, context, memory, protocol } = this.session;
    switch (action) {
      case "BootNotification":
        context.events.emit({ event: "boot", charger: chargerId, at: at2, vendor: memory.vendor, model: memory.model, protocol });
        return;
      case "StatusNotification": {
        const connector = payload.evseId === void 0 ? String(payload.connectorId) : `${String(payload.evseId)}/${String(payload.connectorId)}`;
        const status = String(payload.status ?? payload.connectorStatus);
        context.control.connectorStatus(chargerId, connector, status);
        context.events.emit({ event: "status", charger: chargerId, at: at2, connector, status, errorCode: payload.errorCode ?? null });
        return;
      }
      case "MeterValues":
        context.events.emit({ event: "meter", charger: chargerId, at: at2, connector: payload.connectorId ?? payload.evseId ?? null, transactionId: payload.transactionId ?? null, meterValue: payload.meterValue });
        return;
    }
  }
  reject(parsed, text3, ts, closeCharger) {
    const session = this.session;
    session.record({ ts, from: "charger", to: "proxy", type: "INVALID", id: parsed.id, action: null, tags: NO_TAGS, raw: text3 });
    session.log.server.warn(`bad frame: ${parsed.detail}`);
    const rules = this.parts.rules;
    const code = parsed.problem === "unknown-type" ? rules.unknownMessageType === "ignore" ? null : rules.unknownMessageType : rules.errorCodes[parsed.problem];
    if (code !== null) {
      const id = parsed.id ?? "-1";
      const reply = callError(id, code, parsed.detail);
      if (!session.chargerWritable) {
        session.record({ ts, from: "proxy", to: "charger", type: "CALLERROR", id, action: null, tags: DROPPED, raw: reply });
        session.holdBack("toUpstreams");
        return;
      }
      session.sendToCharger(reply);
      session.record({ ts, from: "proxy", to: "charger", type: "CALLERROR", id, action: null, tags: NO_TAGS, raw: reply });
    }
    if (++this.badFrameStreak >= MAX_BAD_FRAMES) {
      session.log.server.warn(`${MAX_BAD_FRAMES} bad frames in a row, closing with 1002`);
      closeCharger(1002, "too many malformed frames");
    }
  }
};

// src/sharing/homeowner-cap.ts
var HOMEOWNER_CAP_SETTING = "homeowner_cap";
function loadHomeownerCap(store) {
  const text3 = store?.getSetting(HOMEOWNER_CAP_SETTING) ?? null;
  if (text3 === null) return null;
  try {
    const cap = JSON.parse(text3);
    return typeof cap.limit === "number" && (cap.unit === "A" || cap.unit === "W") ? cap : null;
  } catch {
    return null;
  }
}

// src/sharing/profile-plans.ts
var HORIZON_S = 86400;
var NONE2 = { kind: "none" };
var UNKNOWN = { kind: "unknown" };
function wantedFor(inputs) {
  const { list, connector, purpose, cap, transaction, now } = inputs;
  const capApplies = cap !== null && (list.length > 0 || connector === 0 && MAX_PURPOSES.has(purpose));
  if (list.length === 0 && !capApplies) return NONE2;
  if (purpose === "TxProfile" && transaction === void 0) return NONE2;
  if (list.length === 1 && !capApplies) return { kind: "one", profile: list[0] };
  const merge = [];
  for (const upstream of inputs.upstreams) {
    const own2 = list.filter((p) => p.upstream === upstream).map((p) => p.input);
    if (own2.length > 0) merge.push({ from: upstream, profiles: own2 });
  }
  if (capApplies) merge.push(homeownerCap(cap.limit, cap.unit));
  const sinceStart = transaction !== void 0 && list.every((p) => p.input.kind === "Relative") ? Math.max(0, Math.floor((now - transaction.start) / 1e3)) : 0;
  const merged = mergeSchedules(merge, { now, horizon: HORIZON_S + sinceStart, volts: inputs.volts, phases: inputs.phases, transactionStart: transaction?.start ?? null });
  if (merged === null) return NONE2;
  return { kind: "merged", merged, stackLevel: Math.max(0, ...list.map((p) => p.input.stackLevel)) };
}
function sameWanted(a, b, units) {
  if (a.kind === "unknown" || b.kind === "unknown") return false;
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  if (a.kind === "one" && b.kind === "one") return a.profile === b.profile || a.profile.upstream === b.profile.upstream && JSON.stringify(a.profile.input) === JSON.stringify(b.profile.input);
  if (a.kind === "merged" && b.kind === "merged") return a.stackLevel === b.stackLevel && sameSchedule(a.merged, b.merged, { volts: units.volts, phases: units.phases });
  return false;
}
function callFor(want, connector, purpose, is16, tx) {
  const id = proxyProfileId(connector, purpose);
  if (want.kind === "none") {
    return { action: "ClearChargingProfile", payload: is16 ? { id } : { chargingProfileId: id }, note: `charging profile ${id} (connector ${connector}, ${purpose}) cleared: no upstream limits it` };
  }
  let profile;
  let note;
  if (want.kind === "one") {
    profile = is16 ? { ...want.profile.raw, chargingProfileId: id } : { ...want.profile.raw, id };
    note = `${want.profile.upstream}'s charging profile ${want.profile.id} goes to the charger as ${id} (connector ${connector}, ${purpose})`;
  } else {
    const m = want.merged;
    profile = is16 ? render16(m, id, want.stackLevel, purpose, purpose === "TxProfile" ? Number(tx) : void 0) : render201(m, id, want.stackLevel, purpose, purpose === "TxProfile" ? String(tx) : void 0);
    const first = m.periods[0];
    note = `charging profile ${id} (connector ${connector}, ${purpose}): the lowest limit of ${[...new Set(m.from.filter((f) => f !== ""))].join(", ")}, now ${first.limit} ${m.unit}`;
  }
  return { action: "SetChargingProfile", payload: is16 ? { connectorId: connector, csChargingProfiles: profile } : { evseId: connector, chargingProfile: profile }, note };
}

// src/sharing/charging-profiles.ts
var REFRESH_BEFORE_MS = 36e5;
var TICK_MS = 36e5;
var keyOf = (connector, purpose) => `${connector} ${purpose}`;
var ChargingProfiles = class {
  charger;
  is16;
  upstreams;
  store;
  volts;
  phases;
  now;
  /** Every upstream's profiles, per connector and purpose. */
  profiles = new LazyMap();
  /** What the charger accepted of the proxy's, per connector and purpose. */
  installed = new LazyMap();
  /** What was sent and awaits the charger's verdict, per connector and purpose. */
  sending = new LazyMap();
  /** What the charger refused or could not take (a CallError), and when: not asked again within TICK_MS unless the wanted changes or it boots. */
  refused = new LazyMap();
  /** 1.6 RemoteStartTransaction profiles, per connector, for the transaction that starts there. */
  remoteStartProfiles = new LazyMap();
  /** Running transactions per connector: the charger's id and when it started (ms). */
  transactions = new LazyMap();
  cap = null;
  sender = null;
  /** Keys whose charger profile may be out of date, sent one Call at a time. */
  dirty = new LazySet();
  busy = false;
  refreshTimer = null;
  /** Not yet connected since it was made (loaded): what the charger holds is not known. */
  fresh = true;
  /** Upstream SetChargingProfile Calls waiting their turn, per key: they decide, no recheck needed. */
  waitingSets = new LazyMap();
  /** Said on the console: what was sent and how the charger took it. */
  say;
  constructor(charger, protocol, upstreams, store, options) {
    this.charger = charger;
    this.is16 = protocol === "ocpp1.6";
    this.upstreams = upstreams;
    this.store = store;
    this.volts = options.volts;
    this.phases = options.phases;
    this.say = options.say;
    this.now = options.now ?? Date.now;
    for (const row of store?.chargingProfiles(charger) ?? []) {
      try {
        const { raw, received } = JSON.parse(row.profile);
        const input = this.is16 ? profileFrom16(raw, received) : profileFrom201(raw, received);
        this.listOf(keyOf(row.connector, row.purpose)).push({ upstream: row.upstream, connector: row.connector, purpose: row.purpose, id: row.profile_id, raw, input });
      } catch {
        this.say(`charging profile ${row.profile_id} of ${row.upstream} in the state store is unreadable, skipped`);
      }
    }
    for (const row of store?.runningSessions(charger) ?? []) {
      const start = row.started_at === null ? NaN : Date.parse(row.started_at);
      if (row.place !== null) this.transactions.set(row.place, { id: row.charger_tx, start: Number.isFinite(start) ? start : this.now() });
    }
  }
  /** The charger is connected (sender) or gone (null). Nothing goes until `resume()` or `resendAll()`. */
  attach(sender) {
    this.sender = sender;
    this.busy = false;
    for (const key2 of this.sending.keys()) this.installed.set(key2, UNKNOWN);
    this.sending.clear();
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }
  /**
   * The charger is connected and its boot accepted (a 1.6 charger reconnecting without a boot):
   * what changed while it was away goes now; after a restart of the proxy, everything.
   */
  resume() {
    if (this.store !== null) this.cap = loadHomeownerCap(this.store);
    for (const key2 of this.allKeys()) {
      if (this.fresh) this.installed.set(key2, UNKNOWN);
      this.dirty.add(key2);
    }
    this.fresh = false;
    this.tick();
  }
  /** A boot was accepted: a charger may have lost its profiles, so everything wanted goes again. */
  resendAll() {
    this.installed.clear();
    this.sending.clear();
    this.refused.clear();
    this.fresh = false;
    if (this.store !== null) this.cap = loadHomeownerCap(this.store);
    for (const key2 of this.allKeys()) this.dirty.add(key2);
    this.tick();
  }
  /** The homeowner's cap (null: none), respected by every merge; installed alone on connector 0 when no upstream has a max profile. */
  setCap(cap) {
    this.cap = cap;
    for (const key2 of this.allKeys()) this.dirty.add(key2);
    this.pump();
  }
  /**
   * An upstream's SetChargingProfile: kept at once; the returned Call (null: the charger's
   * profile stays as it is, the proxy accepts) goes in place of the upstream's, and its verdict
   * keeps or gives back the change.
   */
  set(profile) {
    return this.setLater(profile).decide();
  }
  /**
   * The same for a Call that waits its turn at the charger: the profile counts at once, and
   * `decide()` plans the charger's Call when it goes, from every profile known by then, so a
   * burst ends in one Call with the latest merge; `abandon()` when it never goes.
   */
  setLater(profile) {
    const key2 = keyOf(profile.connector, profile.purpose);
    const displaced = [];
    for (const [other, list] of this.profiles) {
      const kept = list.filter((p) => p.upstream !== profile.upstream || p.id !== profile.id && (other !== key2 || p.input.stackLevel !== profile.input.stackLevel));
      if (kept.length === list.length) continue;
      displaced.push(...list.filter((p) => !kept.includes(p)));
      this.profiles.set(other, kept);
    }
    this.listOf(key2).push(profile);
    this.waitingSets.set(key2, (this.waitingSets.get(key2) ?? 0) + 1);
    const done = () => {
      const left2 = (this.waitingSets.get(key2) ?? 1) - 1;
      if (left2 > 0) this.waitingSets.set(key2, left2);
      else this.waitingSets.delete(key2);
    };
    const keep = () => {
      for (const gone of displaced) this.persist(gone, null);
      this.persist(profile, profile.raw);
    };
    const giveBack = () => {
      const list = this.listOf(key2);
      if (list.includes(profile)) list.splice(list.indexOf(profile), 1);
      for (const old of displaced) {
        const own2 = this.listOf(keyOf(old.connector, old.purpose));
        if (!own2.some((p) => p.upstream === old.upstream && p.id === old.id)) own2.push(old);
      }
    };
    return {
      decide: () => {
        done();
        const send = this.plan(key2, false);
        if (send === null) {
          keep();
          return null;
        }
        this.say(send.note);
        return {
          ...send,
          settle: (accepted) => {
            if (accepted) keep();
            else giveBack();
            send.settle(accepted);
          }
        };
      },
      abandon: () => {
        done();
        giveBack();
        this.dirty.add(key2);
        this.pump();
      }
    };
  }
  /** An upstream's ClearChargingProfile: its matching profiles go; true when any matched. The charger is brought in line after. */
  clear(upstream, criteria) {
    let matched = false;
    for (const [key2, list] of this.profiles) {
      const kept = list.filter((p) => p.upstream !== upstream || !matches2(p, criteria));
      if (kept.length === list.length) continue;
      matched = true;
      for (const gone of list) if (!kept.includes(gone)) this.persist(gone, null);
      this.profiles.set(key2, kept);
      this.dirty.add(key2);
    }
    this.pump();
    return matched;
  }
  /** 2.0.1+ GetChargingProfiles: this upstream's own profiles that match, as it sent them. */
  own(upstream, criteria) {
    return [...this.profiles.values()].flat().filter((p) => p.upstream === upstream && matches2(p, criteria) && (criteria.ids === void 0 || criteria.ids.includes(p.id)));
  }
  /** A 1.6 RemoteStartTransaction's profile: it joins the merge for the transaction that starts on that connector. */
  remoteStartProfile(profile) {
    this.remoteStartProfiles.set(profile.connector, profile);
  }
  /** The charger did not start the remote start that brought this profile: it joins nothing. */
  dropRemoteStartProfile(profile) {
    if (this.remoteStartProfiles.get(profile.connector) === profile) this.remoteStartProfiles.delete(profile.connector);
  }
  transactionStarted(connector, id, at2) {
    this.transactions.set(connector, { id, start: at2 });
    const fromRemoteStart = this.remoteStartProfiles.get(connector) ?? this.remoteStartProfiles.get(0);
    if (fromRemoteStart !== void 0) {
      this.remoteStartProfiles.clear();
      const profile = { ...fromRemoteStart, connector, raw: { ...fromRemoteStart.raw, transactionId: this.is16 ? Number(id) : String(id) } };
      this.listOf(keyOf(connector, "TxProfile")).push(profile);
      this.persist(profile, profile.raw);
    }
    this.touchConnector(connector);
  }
  /** The transaction ended: its TxProfiles are gone at the charger too. */
  transactionEnded(id) {
    for (const [connector, tx] of this.transactions) {
      if (tx.id !== id) continue;
      this.transactions.delete(connector);
      const key2 = keyOf(connector, "TxProfile");
      for (const gone of this.profiles.get(key2) ?? []) this.persist(gone, null);
      this.profiles.delete(key2);
      this.installed.delete(key2);
      this.touchConnector(connector);
    }
  }
  /** For /api/status: per connector and purpose, the limit in force now and whose it is. */
  status() {
    const out = {};
    const now = this.now();
    for (const [key2, wanted] of this.installed) {
      if (wanted.kind === "none" || wanted.kind === "unknown") continue;
      const [connector, purpose] = key2.split(" ");
      const start = this.transactions.get(Number(connector))?.start ?? null;
      let entry;
      if (wanted.kind === "one") {
        entry = { limit_now: limitAt([wanted.profile.input], now, start)?.limit ?? null, unit: wanted.profile.input.unit, from: wanted.profile.upstream };
      } else {
        const m = wanted.merged;
        const offset = m.kind === "Absolute" ? (now - (m.startSchedule ?? now)) / 1e3 : start === null ? -1 : (now - start) / 1e3;
        const index = m.periods.findLastIndex((p) => p.startPeriod <= offset);
        const limit = limitAt([mergedAsProfile(m)], m.kind === "Absolute" ? now : offset * 1e3, 0)?.limit ?? null;
        entry = { limit_now: limit, unit: m.unit, from: index < 0 ? null : m.from[index] || null };
      }
      (out[connector] ??= {})[purpose] = entry;
    }
    return out;
  }
  // ——— what the charger is to hold ———
  listOf(key2) {
    let list = this.profiles.get(key2);
    if (list === void 0) this.profiles.set(key2, list = []);
    return list;
  }
  allKeys() {
    const keys = /* @__PURE__ */ new Set([...this.profiles.keys(), ...this.installed.keys()]);
    keys.add(keyOf(0, this.is16 ? "ChargePointMaxProfile" : "ChargingStationMaxProfile"));
    return keys;
  }
  touchConnector(connector) {
    for (const key2 of this.allKeys()) if (key2.startsWith(`${connector} `) || key2.startsWith("0 ")) this.dirty.add(key2);
    this.pump();
  }
  wanted(key2) {
    const [connectorText, purpose] = key2.split(" ");
    const connector = Number(connectorText);
    return wantedFor({ list: this.profiles.get(key2) ?? [], connector, purpose, upstreams: this.upstreams, cap: this.cap, transaction: this.transactionFor(connector), now: this.now(), volts: this.volts, phases: this.phases });
  }
  /** The Call that brings the charger to what is wanted for `key` now, or null when it holds that. */
  plan(key2, countSending = true) {
    const want = this.wanted(key2);
    const have = (countSending ? this.sending.get(key2) : void 0) ?? this.installed.get(key2) ?? NONE2;
    const options = { volts: this.volts, phases: this.phases };
    if (sameWanted(want, have, options)) return null;
    const refused = this.refused.get(key2);
    if (refused !== void 0 && this.now() - refused.at < TICK_MS && sameWanted(want, refused.want, options)) return null;
    this.refused.delete(key2);
    this.sending.set(key2, want);
    const [connectorText, purpose] = key2.split(" ");
    const connector = Number(connectorText);
    const settleWith = (accepted) => {
      if (this.sending.get(key2) === want) this.sending.delete(key2);
      if (accepted) this.installed.set(key2, want);
      else this.refused.set(key2, { want, at: this.now() });
      this.tick();
    };
    return { ...callFor(want, connector, purpose, this.is16, this.transactionFor(connector)?.id), settle: settleWith };
  }
  /** Sends the proxy's own Calls one at a time, each planned when it goes (so a burst ends in the latest state). */
  pump() {
    while (!this.busy && this.sender !== null && this.dirty.size > 0) {
      const key2 = this.dirty.values().next().value;
      this.dirty.delete(key2);
      if (this.waitingSets.has(key2)) continue;
      const send = this.plan(key2);
      if (send === null) continue;
      this.busy = true;
      const sender = this.sender;
      this.say(send.note);
      void sender(send.action, send.payload).then((status) => {
        if (this.sender !== sender) return;
        const accepted = status === "Accepted" || send.action === "ClearChargingProfile" && status === "Unknown";
        if (!accepted && send.action === "SetChargingProfile") this.say(`${this.charger}: the charger answered ${status ?? "with an error"} to ${send.note}; its previous profile stays`);
        send.settle(accepted);
        this.busy = false;
        this.pump();
      });
    }
  }
  /**
   * Hourly, and after each verdict: merged profiles an hour from their end are made again, and
   * profiles that came into the 24 h window are sent; then the next tick is armed.
   */
  tick() {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    if (this.sender === null) return;
    const now = this.now();
    let next = now + TICK_MS;
    for (const [key2, wanted] of this.installed) {
      const end = this.endOf(key2, wanted);
      if (end === null) continue;
      if (end - REFRESH_BEFORE_MS <= now) this.installed.delete(key2);
      else next = Math.min(next, end - REFRESH_BEFORE_MS);
    }
    for (const key2 of this.allKeys()) this.dirty.add(key2);
    this.pump();
    this.refreshTimer = setTimeout(() => this.tick(), Math.max(1e3, next - now));
    this.refreshTimer.unref?.();
  }
  /** When the merged profile the charger holds for `key` runs out (null: it does not). */
  endOf(key2, wanted) {
    if (wanted.kind !== "merged") return null;
    const m = wanted.merged;
    if (m.kind === "Absolute") return (m.startSchedule ?? 0) + m.duration * 1e3;
    const start = this.transactionFor(Number(key2.split(" ")[0]))?.start;
    return start === void 0 ? null : start + m.duration * 1e3;
  }
  /** The transaction on a connector (EVSE); for connector 0, the one that started first. */
  transactionFor(connector) {
    if (connector !== 0) return this.transactions.get(connector);
    let first;
    for (const tx of this.transactions.values()) if (first === void 0 || tx.start < first.start) first = tx;
    return first;
  }
  /** Whether a transaction runs there (a TxProfile needs one). */
  hasTransaction(connector) {
    return this.transactionFor(connector) !== void 0;
  }
  persist(profile, raw) {
    try {
      this.store?.setChargingProfile(this.charger, profile.upstream, profile.connector, profile.purpose, profile.id, raw === null ? null : JSON.stringify({ raw, received: this.now() }));
    } catch (error) {
      this.say(`${this.charger}: state database: ${error.message}`);
    }
  }
};
function matches2(p, criteria) {
  if (criteria.id !== void 0 && p.id !== criteria.id) return false;
  if (criteria.connector !== void 0 && p.connector !== criteria.connector) return false;
  if (criteria.purpose !== void 0 && p.purpose !== criteria.purpose) return false;
  if (criteria.stackLevel !== void 0 && p.input.stackLevel !== criteria.stackLevel) return false;
  return true;
}

// src/session/charging-wiring.ts
function chargingProfilesOf(session, protocol) {
  const { context, chargerId } = session;
  const say = (line) => context.loggers.proxy.info(`${chargerId}: ${line}`);
  const profiles = new ChargingProfiles(chargerId, protocol, session.upstreamNames, context.store, { volts: context.config.charging.volts, phases: context.config.charging.phases, say });
  return profiles;
}
function statusOf(answer) {
  return answer.type === "CALLRESULT" && typeof answer.payload?.status === "string" ? answer.payload.status : null;
}
function transactionToProfiles(profiles, event) {
  const id = event.transactionId;
  const place = typeof event.evse === "number" ? event.evse : typeof event.connector === "number" ? event.connector : 0;
  if (event.event === "transaction_started") profiles.transactionStarted(place, id, Date.parse(event.at));
  else if (event.event === "transaction_stopped") profiles.transactionEnded(id);
}

// src/session/upstream-frames.ts
import { randomUUID as randomUUID3 } from "node:crypto";
var FIRST_CALL_WAIT_MS = 1e4;
var UpstreamFrames = class {
  session;
  parts;
  /** Charger Calls answered by an upstream other than the primary (a session owner) → that upstream. */
  answerers = /* @__PURE__ */ new Map();
  /**
   * Links that opened before the charger's first Call on this connection: whether they get the
   * replay (rule 8) depends on whether the charger boots again. Null once that is known.
   */
  heldReplays = /* @__PURE__ */ new Set();
  firstCallTimer;
  /** Durable delivery of transaction Calls (null without a state store). */
  durable;
  constructor(session, parts) {
    this.session = session;
    this.parts = parts;
    const store = session.context.store;
    this.durable = store !== null ? new DurableDelivery(store.outbox, session.chargerId) : null;
    this.firstCallTimer = setTimeout(() => this.releaseReplays(false), session.context.firstCallWaitMs ?? FIRST_CALL_WAIT_MS);
  }
  /** The charger's Call `callId` is answered by `link`, not the primary (the session's owner). */
  expectAnswer(callId, link) {
    this.answerers.set(callId, link);
  }
  /** A charger Call arrived: the first one on a connection says whether the charger boots again. */
  chargerCallArrived(action) {
    if (this.heldReplays !== null) this.releaseReplays(action === "BootNotification");
  }
  linkOpened(link) {
    if (this.heldReplays !== null) {
      link.catchUp.hold();
      this.heldReplays.add(link);
      return;
    }
    this.catchUp(link, true);
  }
  /**
   * A 1.6 upstream that is not the session owner answers StartTransaction with its own id: hold
   * its next frames until that answer is in, so they can carry its id.
   */
  awaitStart(link, callId) {
    if (!link.isOpen || link.catchUp.waiting || this.session.protocol !== "ocpp1.6") return;
    link.catchUp.awaitAnswer(callId, this.session.callTimeoutMs, () => this.catchUpNext(link));
  }
  linkMessage(link, data, isBinary) {
    const text3 = isBinary ? `<binary frame, ${data.length} bytes>` : data.toString();
    try {
      this.handle(link, data, isBinary, text3);
    } catch (error) {
      internalError(this.session, link.name, text3, error);
    }
  }
  handle(link, data, isBinary, text3) {
    const session = this.session;
    const ts = (/* @__PURE__ */ new Date()).toISOString();
    const parsed = isBinary ? { ok: false, problem: "bad-envelope", id: null, detail: "binary frame" } : parseFrame(text3, this.parts.rules.messageTypes);
    if (!parsed.ok) {
      session.record({ ts, from: link.name, to: "proxy", type: "INVALID", id: parsed.id, action: null, tags: DROPPED, raw: text3 });
      session.log.client.warn(`bad frame from ${link.name} dropped: ${parsed.detail}`);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
      case SEND:
        this.call(link, frame, text3, ts);
        return;
      case CALLRESULTERROR:
        session.record({ ts, from: link.name, to: "proxy", type: "CALLRESULTERROR", id: frame.id, action: null, tags: DROPPED, raw: text3 });
        return;
      default:
        this.answer(link, frame, data, text3, ts);
    }
  }
  /**
   * A translating link had nothing to send for the charger's Call `id`: it counts as answered
   * there; when that link answers the charger, the charger gets what 1.6 allows to say.
   */
  settled(link, id) {
    const session = this.session;
    const action = link.awaitingReplies.get(id);
    link.awaitingReplies.delete(id);
    this.durable?.answered(link, id);
    if (link.catchUp.answered(id)) this.catchUpNext(link);
    if (action === void 0 || link !== (this.answerers.get(id) ?? session.primary)) return;
    this.answerers.delete(id);
    const answer = untranslatableAnswer(action);
    const out = "payload" in answer ? JSON.stringify([CALLRESULT, id, answer.payload]) : callError(id, answer.code, answer.description);
    session.sendToCharger(out);
    session.record({ ts: (/* @__PURE__ */ new Date()).toISOString(), from: "proxy", to: "charger", type: "payload" in answer ? "CALLRESULT" : "CALLERROR", id, action, tags: BLOCKED, raw: out });
  }
  /** The session ended. */
  stop() {
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    this.heldReplays = null;
  }
  /**
   * The charger's first Call on this connection is in (or it stayed silent for the bound): a
   * charger that boots gives each held link its own boot, so those get no replay; otherwise they
   * get the replay first.
   */
  releaseReplays(chargerBoots) {
    const held = this.heldReplays;
    if (held === null) return;
    this.heldReplays = null;
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    for (const link of held) if (link.isOpen) this.catchUp(link, !chargerBoots);
  }
  /**
   * A (re)connected upstream first learns what it missed: with `replay`, the boot and each
   * connector's status (unless the charger's own boot is already waiting for it), then the
   * charger's waiting calls.
   */
  catchUp(link, replay) {
    if (replay && !link.catchUp.hasBacklogged("BootNotification")) {
      for (const { action, text: text3 } of this.session.memory.replayFrames()) {
        const proxyId = randomUUID3();
        const out = withId(text3, `"${proxyId}"`);
        link.catchUp.addReplay({ data: out, text: out, type: "CALL", id: proxyId, action, tags: REPLAYED });
      }
    }
    if (this.durable !== null) link.catchUp.takeDurable(this.durable.pendingFrames(link));
    if (link.catchUp.start()) this.catchUpNext(link);
  }
  /** Sends what a link missed one Call at a time, as a CSMS expects; the next goes on its answer. */
  catchUpNext(link) {
    const session = this.session;
    while (!link.catchUp.waiting && !session.isEnded && link.isOpen) {
      const next = link.catchUp.next();
      if (next === void 0) return;
      const { frame, replayed } = next;
      if (frame.type === "CALL" && !replayed && (frame.action === "MeterValues" || frame.action === "StopTransaction")) {
        const ids = this.parts.transactions.idsForUpstream(link, frame.action, JSON.parse(frame.text)[3]);
        if (ids.length > 0) frame.data = frame.text = spliceIds(frame.text, ids);
      }
      link.send(frame.data);
      if (frame.type === "CALL" && !replayed) link.awaitingReplies.set(frame.id, frame.action);
      const tags = replayed ? frame.tags : frame.tags.length === 0 ? QUEUED : [...frame.tags, "queued"];
      session.record({ ts: (/* @__PURE__ */ new Date()).toISOString(), from: replayed ? "proxy" : "charger", to: link.name, type: frame.type, id: frame.id, action: frame.action, tags, raw: frame.text });
      if (frame.type === "CALL") link.catchUp.awaitAnswer(frame.id, session.callTimeoutMs, () => this.catchUpNext(link));
    }
  }
  call(link, frame, text3, ts) {
    const session = this.session;
    const typeName = TYPE_NAMES[frame.type];
    const result = runChain(this.parts.chains.get(link), "fromUpstream", { type: typeName, id: frame.id, action: frame.action, payload: frame.payload, text: text3 });
    for (const note of result.notes) session.log.proxy.info(note);
    if (result.stopped !== null) {
      this.refuse(link, frame, typeName, text3, result.stopped, ts);
      return;
    }
    if (frame.type === SEND) {
      const proxyId = randomUUID3();
      const out = withId(result.text, `"${proxyId}"`);
      session.sendToCharger(out);
      session.record({ ts, from: link.name, to: "charger", type: typeName, id: proxyId, action: frame.action, tags: NO_TAGS, raw: redactSecrets(frame.action, frame.payload, out) });
      return;
    }
    const limit = session.context.config.queueLimit;
    if (this.parts.slot.countFor(link) >= limit) {
      session.log.proxy.warn(`${link.name}'s ${frame.action} refused, ${limit} calls already wait`);
      result.onChargerAnswer?.(null);
      this.reply(link, frame.id, frame.action, "GenericError", "proxy queue full", DROPPED, ts);
      return;
    }
    const call = { source: link, id: frame.id, idLiteral: idLiteralOf(text3), action: frame.action, text: result.text };
    if (result.rewriteAnswer !== null) call.rewriteAnswer = result.rewriteAnswer;
    if (result.onChargerAnswer !== null) call.onChargerAnswer = result.onChargerAnswer;
    if (result.atSend !== null) call.atSend = result.atSend;
    this.parts.slot.push(call, result.text === text3 ? frame.payload : void 0);
  }
  /** The one "reply and log" path for a Call a stage stopped: the Call is logged, the sender answered. */
  refuse(link, frame, typeName, text3, stop, ts) {
    const session = this.session;
    const tags = stop.kind === "drop" ? DROPPED : stop.kind === "answer" && stop.granted === true ? NO_TAGS : BLOCKED;
    session.record({ ts, from: link.name, to: "proxy", type: typeName, id: frame.id, action: frame.action, tags, raw: redactSecrets(frame.action, frame.payload, text3) });
    session.log.proxy.info(stop.note);
    if (frame.type !== CALL) return;
    if (stop.kind === "error") this.reply(link, frame.id, frame.action, stop.code, stop.description, BLOCKED, ts);
    else if (stop.kind === "answer") {
      const answer = JSON.stringify([CALLRESULT, frame.id, stop.payload]);
      link.send(answer);
      session.record({ ts, from: "proxy", to: link.name, type: "CALLRESULT", id: frame.id, action: frame.action, tags, raw: answer });
      if (stop.then !== void 0) this.proxyCalls(link, stop.then);
    }
  }
  /** The proxy's own Calls to an upstream (e.g. the reports it asked for): one at a time, before its backlog; answers are the proxy's. */
  proxyCalls(link, calls) {
    for (const { action, payload } of calls) {
      const proxyId = randomUUID3();
      const out = JSON.stringify([CALL, proxyId, action, payload]);
      link.catchUp.addReplay({ data: out, text: out, type: "CALL", id: proxyId, action, tags: INJECTED });
    }
    if (!link.catchUp.isActive && link.catchUp.start()) this.catchUpNext(link);
  }
  answer(link, frame, data, text3, ts) {
    const session = this.session;
    const type = TYPE_NAMES[frame.type];
    const { id } = frame;
    const catchUpStep = link.catchUp.answered(id);
    const replayedAction = link.catchUp.takeReplayed(id);
    if (replayedAction !== void 0) {
      session.record({ ts, from: link.name, to: "proxy", type, id, action: replayedAction, tags: REPLAYED, raw: text3 });
    } else {
      const action = link.awaitingReplies.get(id);
      if (action !== void 0) link.awaitingReplies.delete(id);
      const answerer = this.answerers.get(id) ?? session.primary;
      if (action !== void 0) this.parts.transactions.upstreamAnswered(link, action, id, frame.type === CALLRESULT ? frame.payload : null, text3);
      const kept = this.durable?.answered(link, id, frame.type !== CALLRESULT) ?? null;
      if (kept !== null && frame.type === CALLRESULT && kept.chargerTx !== null && action === "StartTransaction") {
        this.parts.transactions.replayedStartAnswered(link, kept.chargerTx, frame.payload);
      } else if (kept !== null && frame.type !== CALLRESULT) {
        session.log.proxy.warn(`${link.name} answered ${action ?? "a kept Call"} ${id} with a CallError: it leaves the outbox all the same`);
      }
      if (link !== answerer || action === void 0) {
        session.record({ ts, from: link.name, to: "proxy", type, id, action: action ?? null, tags: DROPPED, raw: text3 });
      } else {
        this.answerers.delete(id);
        const chargerId = this.parts.transactions.answerIdFor(action, id);
        const out = chargerId === id ? data : withId(text3, JSON.stringify(chargerId));
        session.sendToCharger(out);
        session.record({ ts, from: link.name, to: "charger", type, id: chargerId, action, tags: NO_TAGS, raw: typeof out === "string" ? out : text3 });
        const started = action === "StartTransaction" && frame.type === CALLRESULT ? frame.payload.transactionId : void 0;
        if (typeof started === "number" || typeof started === "string") this.durable?.startAnswered(id, String(started));
        if (action === "BootNotification" && frame.type === CALLRESULT) {
          const accepted = frame.payload.status === "Accepted";
          session.memory.bootAnswered(accepted);
          if (accepted) {
            this.parts.slot.startAutoconfig();
            session.memory.knownChargingProfiles?.resendAll();
          }
          this.parts.slot.sendNext();
        }
      }
    }
    if (catchUpStep) this.catchUpNext(link);
  }
  reply(link, id, action, code, description, tags, ts) {
    const reply = callError(id, code, description);
    link.send(reply);
    this.session.record({ ts, from: "proxy", to: link.name, type: "CALLERROR", id, action, tags, raw: reply });
  }
};

// src/session/charger-session.ts
var CLOSE_GRACE_MS = 1e3;
var DRAIN_POLL_MS = 50;
var ChargerSession = class {
  chargerId;
  links;
  primary;
  memory;
  context;
  log;
  callTimeoutMs;
  protocol = "ocpp1.6";
  /** How the version was found: negotiated, or detected for a charger that offered none. */
  versionSource = "subprotocol";
  connectedSince = null;
  slot;
  onEnded;
  routing = null;
  charger = null;
  ended = false;
  /** The first message log line of a connection says which version and how it was found. */
  versionLogged = false;
  /** The charger's version once a link translates (the primary's during its handshake): frames near the session are in it. */
  translatedFor;
  chargerHeardAt = Date.now();
  lastChargerFrameAt = Date.now();
  graceTimer = null;
  /** Polls a backed-up socket until it drains (then reading resumes) or is stuck too long. */
  drainTimer = null;
  rate;
  /** `ended` is called once when the session has ended, so the registry can forget it. */
  constructor(chargerId, memory, context, ended = () => void 0) {
    this.chargerId = chargerId;
    this.memory = memory;
    this.context = context;
    this.onEnded = ended;
    this.log = childLoggers(context.loggers, chargerId);
    const { config, loggers } = context;
    this.callTimeoutMs = config.timeouts.callTimeout * 1e3;
    this.rate = new ChargerRate(config);
    this.links = config.upstreams.map((upstream) => {
      const options = {
        maxPayload: config.maxMessageSize,
        handshakeTimeoutMs: 1e4,
        backlogLimit: config.backlogLimit,
        backlogBytes: config.backlogBytes,
        reconnect: upstream.role !== "primary" || config.timeouts.primaryGrace > 0,
        tls: context.upstreamTls.get(upstream)
      };
      const link = upstream.local ? new LocalLink(upstream, chargerId, options, loggers.client, config.local) : new UpstreamLink(upstream, chargerId, options, loggers.client);
      return link;
    });
    this.primary = this.links[0];
    this.slot = new CallSlot(this);
  }
  get isEnded() {
    return this.ended;
  }
  get chargerReady() {
    return this.charger !== null && !this.ended;
  }
  get chargerWritable() {
    return this.charger !== null && this.charger.bufferedAmount <= HIGH_WATER_MARK;
  }
  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action, payload) {
    return this.slot.proxyCall(action, payload);
  }
  /** The upstream that owns a transaction of this charger, if known. */
  transactionOwner(chargerTx) {
    return this.routing?.transactions.ownerOf(chargerTx);
  }
  /** For the status API: this session and each upstream link. */
  status() {
    return {
      id: this.chargerId,
      protocol: this.protocol,
      protocol_source: this.versionSource,
      connected_since: this.connectedSince?.toISOString() ?? null,
      queued_calls: this.queuedCalls,
      upstreams: this.links.map((link) => link.status()),
      autoconfig: Object.fromEntries(this.memory.autoconfigResults),
      configuration: this.memory.knownConfigViews?.status() ?? {},
      charging: this.memory.knownChargingProfiles?.status() ?? {}
    };
  }
  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls() {
    return this.slot.queuedCalls;
  }
  /** Opens the primary link offering the charger's subprotocols (negotiation is upstream-first), or 1.6 alone to translate. */
  connectPrimary(protocols, chargerHeaders) {
    const { offer, charger } = primaryOffer(this.primary, protocols, this.chargerId, this.context.store, this.log.proxy);
    if (charger !== null) this.translatedFor = charger;
    return this.primary.connect(offer, chargerHeaders);
  }
  /** The version the charger is accepted with: the primary's, or the charger's own when the primary's is translated. */
  get chargerProtocol() {
    return this.translatedFor ?? this.primary.protocol;
  }
  /** The charger's handshake completed with the primary's subprotocol: start routing. */
  attachCharger(charger, protocol, versionSource = "subprotocol") {
    this.charger = charger;
    this.protocol = protocol;
    this.versionSource = versionSource;
    const { context } = this;
    const rules = versionRules(protocol);
    const transactions = new Transactions(this.chargerId, protocol, this.links, context.split, context.store, context.loggers.proxy, context.events, context.config.prices);
    const chains = /* @__PURE__ */ new Map();
    const views = context.config.configuration.views && this.links.length > 1 ? this.memory.configViews(() => new ConfigViews(this.chargerId, this.links.map((l) => l.name), context.store)) : null;
    views?.useKeys(viewKeys(protocol, context.config.configuration.unionKeys, context.config.configuration.minKeys));
    const profiles = context.config.charging.merge && this.links.length > 1 ? this.memory.chargingProfiles(() => chargingProfilesOf({ chargerId: this.chargerId, context, upstreamNames: this.links.map((l) => l.name) }, protocol)) : null;
    if (profiles !== null) {
      profiles.attach((action, payload) => this.slot.proxyCall(action, payload).then(statusOf, () => null));
      transactions.onTransaction = (event) => transactionToProfiles(profiles, event);
    }
    const toUpstreamStages = /* @__PURE__ */ new Map();
    for (const link of this.links) {
      const chain = stageChain({
        link,
        upstream: link.name,
        chargerId: this.chargerId,
        protocol,
        policy: policyOf(link.config),
        control: context.control,
        transactions,
        lockedKeys: context.lockedKeys,
        views,
        exclusive: context.config.configuration.exclusive,
        profiles,
        connectors: () => this.memory.knownConnectors(),
        idTokens: { map: link.config.idtagMap, single: link.config.idtag }
      });
      chains.set(link, chain);
      toUpstreamStages.set(link, chain.filter((stage) => stage.toUpstream !== void 0));
    }
    const fromUpstreams = new UpstreamFrames(this, { rules, transactions, chains, slot: this.slot });
    const fromCharger = new ChargerFrames(this, {
      rules,
      fixups: FixupPipeline.for(context.fixupRules, protocol, this.chargerId),
      transactions,
      toUpstreamStages,
      slot: this.slot,
      upstreams: fromUpstreams
    });
    this.routing = { transactions, fromCharger, fromUpstreams };
    this.connectedSince = /* @__PURE__ */ new Date();
    this.chargerHeardAt = this.lastChargerFrameAt = Date.now();
    charger.on("message", (data, isBinary) => this.onChargerMessage(data, isBinary));
    charger.on("pong", () => {
      this.chargerHeardAt = Date.now();
    });
    charger.on("close", (code, reason) => this.onChargerClose(code, reason.toString()));
    charger.on("error", (error) => this.log.server.warn(error.message));
    for (const link of this.links) link.attach(this);
    this.slot.connected();
    for (const link of this.links) {
      const offer = link === this.primary ? null : offerFor(link, this.protocol, this.chargerId, this.context.store, this.log.proxy);
      if (link.translation !== null) this.translatedFor ??= this.protocol;
      if (offer !== null) void link.connect([offer]);
    }
  }
  /**
   * Ends the session: upstream links first (a CSMS may refuse a new connection while the old one
   * lives), then the charger. Resolves when the links are closed.
   */
  async shutdown(chargerCode, upstreamCode, reason) {
    this.end(upstreamCode, reason);
    if (this.charger !== null) closeWithin(this.charger, chargerCode, reason, CLOSE_GRACE_MS);
    await Promise.all(this.links.map((link) => link.closed()));
  }
  /** Liveness sweep: ping every open socket, drop the ones silent for longer than `timeoutMs`. */
  pingTick(now, timeoutMs) {
    if (this.ended) return;
    const charger = this.charger;
    if (charger !== null && charger.readyState === charger.OPEN) {
      if (now - this.chargerHeardAt > timeoutMs) {
        this.log.server.warn(`no pong for ${Math.round((now - this.chargerHeardAt) / 1e3)} s, dropping the charger`);
        charger.terminate();
      } else {
        charger.ping();
      }
    }
    for (const link of this.links) link.pingTick(now, timeoutMs);
  }
  /** Watchdog sweep: a charger that sent nothing for `staleMs` is closed. */
  watchdogTick(now, staleMs) {
    if (this.ended || this.charger === null || now - this.lastChargerFrameAt <= staleMs) return;
    this.log.server.warn(`no frame for ${Math.round((now - this.lastChargerFrameAt) / 1e3)} s, closing (watchdog)`);
    void this.shutdown(1001, 1001, "watchdog: charger silent");
  }
  // ---- SessionCore: what the parts use ---------------------------------------------------------
  record(hop) {
    const entry = { ts: hop.ts, charger: this.chargerId, from: hop.from, to: hop.to, type: hop.type, id: hop.id, action: hop.action, tags: hop.tags, raw: hop.raw };
    if (this.translatedFor !== void 0) Object.assign(entry, proxySideOf(this.links, hop.to, hop.tags));
    if (!this.versionLogged && this.charger !== null) {
      this.versionLogged = true;
      this.context.messageLog.write({ ...entry, protocol: this.protocol, protocol_source: this.versionSource });
      return;
    }
    this.context.messageLog.write(entry);
  }
  sendToCharger(data) {
    const charger = this.charger;
    charger.send(data, { binary: false });
    if (charger.bufferedAmount > HIGH_WATER_MARK) this.holdBack("toCharger");
  }
  // ---- the charger's socket ----------------------------------------------------------------------
  onChargerMessage(data, isBinary) {
    if (this.ended || this.routing === null) return;
    const now = Date.now();
    this.chargerHeardAt = this.lastChargerFrameAt = now;
    this.rate.spend(data.length, now, this.pauseCharger, this.resumeCharger);
    if (isBinary) {
      this.record({ ts: new Date(now).toISOString(), from: "charger", to: "proxy", type: "INVALID", id: null, action: null, tags: NO_TAGS, raw: `<binary frame, ${data.length} bytes>` });
      this.log.server.warn("binary frame, closing with 1003");
      closeWithin(this.charger, 1003, "binary frames are not OCPP-J", CLOSE_GRACE_MS);
      return;
    }
    this.routing.fromCharger.received(data, now, this.closeCharger);
  }
  closeCharger = (code, reason) => {
    if (this.charger !== null) closeWithin(this.charger, code, reason, CLOSE_GRACE_MS);
  };
  onChargerClose(code, reason) {
    this.log.server.info(`disconnected (${code}${reason ? ` ${reason}` : ""})`);
    this.end(mirrorCloseCode(code, 1001), reason || "charger disconnected");
  }
  // ---- LinkOwner: the upstream links -----------------------------------------------------------
  linkOpened(link) {
    if (this.ended) return;
    if (link === this.primary && this.graceTimer !== null) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
      this.log.proxy.info("primary back within primary_grace");
    }
    this.routing?.fromUpstreams.linkOpened(link);
  }
  linkMessage(link, data, isBinary) {
    if (this.ended || this.charger === null || this.routing === null) return;
    this.routing.fromUpstreams.linkMessage(link, data, isBinary);
  }
  linkWire(link, direction, frame) {
    this.context.messageLog.write(wireEntry(this.chargerId, link, direction, frame));
  }
  linkSettled(link, id) {
    if (!this.ended) this.routing?.fromUpstreams.settled(link, id);
  }
  linkClosed(link, code, reason) {
    if (this.ended) return;
    const forgotten = this.slot.drop(link);
    if (forgotten > 0) this.log.proxy.info(`${forgotten} queued calls of ${link.name} dropped, it disconnected`);
    if (link !== this.primary || this.charger === null) return;
    const grace = this.context.config.timeouts.primaryGrace;
    if (grace > 0 && link.state === "waiting") {
      if (this.graceTimer === null) {
        this.log.proxy.warn(`primary lost (${code}); keeping the charger for up to ${grace} s (primary_grace)`);
        this.graceTimer = setTimeout(() => {
          this.graceTimer = null;
          this.log.proxy.warn(`primary not back within ${grace} s, closing the charger with 1011`);
          void this.shutdown(1011, 1e3, "primary unavailable");
        }, grace * 1e3);
      }
      return;
    }
    const chargerCode = mirrorCloseCode(code, 1011);
    this.log.proxy.warn(`primary closed (${code}), closing the charger with ${chargerCode}`);
    void this.shutdown(chargerCode, 1e3, reason || "primary disconnected");
  }
  // ---- backpressure ----------------------------------------------------------------------------
  // `[host] charger_rate` (charger-rate.ts): read more slowly, resumed unless backpressure holds it.
  pauseCharger = () => {
    this.log.server.debug("sends faster than [host] charger_rate, reading it more slowly");
    this.charger?.pause();
  };
  resumeCharger = () => {
    if (!this.ended && this.drainTimer === null) this.charger?.resume();
  };
  /**
   * A socket has more than HIGH_WATER_MARK unsent: stop reading from what feeds it (the charger
   * for frames toward upstreams, the upstreams for frames toward the charger) until it drains; a
   * socket stuck above the mark for call_timeout is closed.
   */
  holdBack(direction) {
    if (this.drainTimer !== null) return;
    const chargerIsSource = direction === "toUpstreams";
    if (chargerIsSource) this.charger.pause();
    else for (const link of this.links) link.pause();
    const since = Date.now();
    this.log.proxy.debug("a reader is slow, pausing its source");
    this.drainTimer = setInterval(() => {
      const backedUp = this.backedUpSockets();
      if (backedUp.length > 0 && Date.now() - since <= this.callTimeoutMs) return;
      clearInterval(this.drainTimer);
      this.drainTimer = null;
      for (const socket of backedUp) {
        this.log.proxy.warn(`${socket.name} has not read its data for ${this.callTimeoutMs / 1e3} s, closing it`);
        socket.terminate();
      }
      if (chargerIsSource) this.charger.resume();
      else for (const link of this.links) link.resume();
    }, DRAIN_POLL_MS);
    this.drainTimer.unref();
  }
  backedUpSockets() {
    const stuck = [];
    const charger = this.charger;
    if (charger !== null && charger.bufferedAmount > HIGH_WATER_MARK / 2) stuck.push({ name: "the charger", terminate: () => charger.terminate() });
    for (const link of this.links) {
      if (link.bufferedAmount > HIGH_WATER_MARK / 2) stuck.push({ name: link.name, terminate: () => link.terminate() });
    }
    return stuck;
  }
  // ---- the end -----------------------------------------------------------------------------------
  end(upstreamCode, reason) {
    if (this.ended) return;
    this.ended = true;
    for (const link of this.links) link.close(upstreamCode, reason, CLOSE_GRACE_MS);
    this.slot.clear();
    this.memory.knownChargingProfiles?.attach(null);
    this.routing?.fromUpstreams.stop();
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.drainTimer !== null) clearInterval(this.drainTimer);
    this.rate.stop();
    this.graceTimer = this.drainTimer = null;
    this.onEnded(this);
  }
};

// src/listener/charger-path.ts
var MAX_CHARGER_ID_LENGTH = 48;
function chargerIdFromPath(requestUrl2, collapseSlashes) {
  const query = requestUrl2.indexOf("?");
  let path = query === -1 ? requestUrl2 : requestUrl2.slice(0, query);
  if (collapseSlashes) path = path.replace(/\/{2,}/g, "/");
  else if (path.includes("//")) return { ok: false, reason: `empty path segment in '${path}' ([fixups] url = false)` };
  const segments = path.split("/").filter((segment) => segment !== "");
  const last = segments.at(-1);
  if (last === void 0) return { ok: false, reason: "no charger id in the path" };
  let chargerId;
  try {
    chargerId = decodeURIComponent(last);
  } catch {
    return { ok: false, reason: `charger id '${last}' is not valid percent-encoding` };
  }
  if (chargerId.length > MAX_CHARGER_ID_LENGTH) return { ok: false, reason: `charger id is longer than ${MAX_CHARGER_ID_LENGTH} characters` };
  if (chargerId.includes(":")) return { ok: false, reason: `charger id '${chargerId}' contains ':'` };
  if (chargerId === "." || chargerId === "..") return { ok: false, reason: `charger id '${chargerId}' is a path step, not an id` };
  return { ok: true, chargerId };
}

// src/listener/refusals.ts
var FIXES = {
  "bad-request": "the request is not a valid WebSocket upgrade: check the URL scheme (ws:// or wss://) and the port in the charger",
  "unknown-id": "the charger id (the last part of the URL path) is not listed in [chargers]: check the id in the charger, or add it",
  credentials: "the charger's password does not match its [chargers] entry, or its user name is not its charger id: set both again",
  busy: "too many logins at once from this address: the charger can retry in a few seconds",
  "primary-refused": "the primary backend refused this charger: check the charger id and password the backend expects",
  "primary-unreachable": "the primary backend cannot be reached: check [ext-server] server and the network to it",
  subprotocol: "the charger offered no OCPP version the backend speaks: set OCPP 1.6 or 2.0.1 in the charger, or [host] version_detection = lenient"
};
var RECENT = 200;
var MAX_CHARGERS = 1e4;
var ConnectionRefusals = class {
  latest = [];
  byCharger = /* @__PURE__ */ new Map();
  listeners = /* @__PURE__ */ new Set();
  record(charger, address, status, kind, reason, now = /* @__PURE__ */ new Date()) {
    const refusal = { at: now.toISOString(), charger, address, status, kind, reason, fix: FIXES[kind] };
    this.latest.push(refusal);
    if (this.latest.length > RECENT) this.latest.shift();
    if (charger !== null) {
      const known = this.byCharger.get(charger);
      this.byCharger.delete(charger);
      this.byCharger.set(charger, { last: refusal, refused: (known?.refused ?? 0) + 1 });
      if (this.byCharger.size > MAX_CHARGERS) this.byCharger.delete(this.byCharger.keys().next().value);
    }
    for (const listener of this.listeners) listener(refusal);
    return refusal;
  }
  /** The latest refusals, oldest first. */
  recent() {
    return this.latest;
  }
  forCharger(charger) {
    return this.byCharger.get(charger);
  }
  chargers() {
    return this.byCharger.entries();
  }
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
};

// src/listener/handshake.ts
import { STATUS_CODES } from "node:http";
var REFUSAL_FLUSH_MS = 1e3;
function abortHandshake(socket, status, headers = {}, body2) {
  if (socket.destroyed) return;
  const text3 = body2 ?? STATUS_CODES[status] ?? "Error";
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "Connection: close",
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(text3)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  ];
  socket.end(`${lines.join("\r\n")}\r
\r
${text3}`, () => socket.destroy());
  setTimeout(() => socket.destroy(), REFUSAL_FLUSH_MS).unref();
}
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;
function upgradeProblem(request) {
  if (request.method !== "GET") return `method ${request.method ?? "?"} (must be GET)`;
  if ((request.headers.upgrade ?? "").toLowerCase() !== "websocket") return "Upgrade header is not websocket";
  const key2 = request.headers["sec-websocket-key"];
  if (key2 === void 0 || !WEBSOCKET_KEY.test(key2)) return "missing or invalid Sec-WebSocket-Key";
  const version = request.headers["sec-websocket-version"];
  if (version !== "13" && version !== "8") return "missing or unsupported Sec-WebSocket-Version (13 expected)";
  const protocols = request.headers["sec-websocket-protocol"];
  if (protocols !== void 0) {
    const offered = protocols.split(",").map((token) => token.trim());
    if (offered.some((token) => !TOKEN.test(token))) return "invalid Sec-WebSocket-Protocol";
    if (new Set(offered).size !== offered.length) return "Sec-WebSocket-Protocol names a subprotocol twice";
  }
  return null;
}
function offeredSubprotocols(header2) {
  if (header2 === void 0) return [];
  return header2.split(",").map((token) => token.trim()).filter((token) => token !== "");
}

// src/listener/proxy-server.ts
var MAX_VERIFICATIONS_PER_ADDRESS = 2;
var MAX_VERIFICATIONS = 8;
var MAX_REMEMBERED_CHARGERS = 2e4;
var AUTH_REFUSALS = {
  401: "bad or missing credentials",
  404: "unknown charger id",
  429: `more than ${MAX_VERIFICATIONS_PER_ADDRESS} password checks at once from this address`,
  503: `more than ${MAX_VERIFICATIONS} password checks at once`
};
var SWEEP_TICK_MS = 100;
function spreadSweep(sessions2, intervalMs, visit) {
  const ticks = Math.max(1, Math.round(intervalMs / SWEEP_TICK_MS));
  let pass = null;
  return setInterval(() => {
    const now = Date.now();
    const quota = Math.ceil(sessions2.size / ticks);
    let left2 = quota;
    let fresh = false;
    while (left2 > 0) {
      if (pass === null) {
        pass = sessions2.values();
        fresh = true;
      }
      const next = pass.next();
      if (next.done === true) {
        pass = null;
        if (fresh || left2 < quota) return;
        continue;
      }
      visit(next.value, now);
      left2--;
    }
  }, intervalMs / ticks);
}
var ProxyServer = class {
  sessions = /* @__PURE__ */ new Map();
  /** What is known of each charger across its connections (boot, statuses). */
  memories = /* @__PURE__ */ new Map();
  config;
  loggers;
  http;
  passwordHashes = /* @__PURE__ */ new Map();
  sweeps = [];
  wss;
  /** The subprotocol to answer each pending upgrade with (chosen by the primary). */
  chosenProtocol = /* @__PURE__ */ new WeakMap();
  context;
  stopping = false;
  /** Password verifications in progress, per remote address and in all. */
  verifying = /* @__PURE__ */ new Map();
  verificationsInProgress = 0;
  /** Each connection's deadline for a complete upgrade request. */
  handshakeTimers = /* @__PURE__ */ new WeakMap();
  /** Sessions still negotiating with their primary: not in `sessions` until the charger is upgraded. */
  handshaking = /* @__PURE__ */ new Set();
  events;
  /** Refused connections, for the web pages (`GET /api/chargers`, the live view). */
  refusals = new ConnectionRefusals();
  control;
  /** `context` is what every charger session shares; daemon.ts builds it. */
  constructor(context, listenerTls = null) {
    const { config, loggers } = context;
    this.events = context.events;
    this.control = context.control;
    this.config = config;
    this.loggers = loggers;
    this.context = context;
    for (const [id, text3] of config.chargerAuth.hashes) {
      const hash = parseStoredHash(text3);
      if (hash !== null) this.passwordHashes.set(id, hash);
    }
    const handshakeMs = config.timeouts.handshake * 1e3;
    const timeouts = { headersTimeout: handshakeMs, requestTimeout: handshakeMs, connectionsCheckingInterval: Math.min(1e3, handshakeMs) };
    this.http = listenerTls === null ? createServer(timeouts, respondToPlainHttp) : createTlsServer({ ...listenerTls, ...timeouts, minVersion: "TLSv1.2", handshakeTimeout: handshakeMs }, respondToPlainHttp);
    const handshakeTimers = this.handshakeTimers;
    const endHandshakeTimer = function() {
      clearTimeout(handshakeTimers.get(this));
      handshakeTimers.delete(this);
      this.off("close", endHandshakeTimer);
    };
    this.http.on(listenerTls === null ? "connection" : "secureConnection", (socket) => {
      const timer = setTimeout(() => socket.destroy(), handshakeMs);
      timer.unref();
      handshakeTimers.set(socket, timer);
      socket.once("close", endHandshakeTimer);
    });
    this.http.on("upgrade", (request, socket, head2) => {
      endHandshakeTimer.call(request.socket);
      void this.onUpgrade(request, socket, head2);
    });
    this.http.on("clientError", (error, socket) => abortHandshake(socket, 400, {}, `Bad request: ${error.message}`));
    this.wss = new import_websocket_server.default({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: config.maxMessageSize,
      handleProtocols: (_offered, request) => this.chosenProtocol.get(request) ?? false
    });
  }
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen() {
    return new Promise((resolve6, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.config.listen.port, this.config.listen.host, () => {
        this.http.off("error", reject);
        const port = this.http.address().port;
        const scheme = this.http instanceof TlsServerClass ? "wss" : "ws";
        this.loggers.server.info(`listening for chargers on ${scheme}://${this.config.listen.host}:${port}/<charger id>`);
        this.startSweeps();
        resolve6(port);
      });
    });
  }
  /** SIGHUP: new certificate and key for connections from now on. */
  reloadTls(tls) {
    if (this.http instanceof TlsServerClass) this.http.setSecureContext({ ...tls, minVersion: "TLSv1.2" });
  }
  startSweeps() {
    const { pingInterval, pingTimeout, watchdogInterval, watchdogStale } = this.config.timeouts;
    if (pingInterval > 0) this.sweeps.push(spreadSweep(this.sessions, pingInterval * 1e3, (session, now) => session.pingTick(now, pingTimeout * 1e3)));
    if (watchdogInterval > 0 && watchdogStale > 0) this.sweeps.push(spreadSweep(this.sessions, watchdogInterval * 1e3, (session, now) => session.watchdogTick(now, watchdogStale * 1e3)));
    for (const timer of this.sweeps) timer.unref();
  }
  /** Closes every charger with 1001 (going away) and stops listening. */
  async close() {
    this.stopping = true;
    for (const timer of this.sweeps) clearInterval(timer);
    const closing = new Promise((resolve6) => this.http.close(() => resolve6()));
    await Promise.all([...this.sessions.values(), ...this.handshaking].map((session) => session.shutdown(1001, 1001, "proxy shutting down")));
    this.http.closeAllConnections();
    await closing;
  }
  async onUpgrade(request, socket, head2) {
    socket.on("error", (error) => this.loggers.server.debug(`charger socket error before upgrade: ${error.message}`));
    const remote = `${request.socket.remoteAddress ?? "?"}`;
    if (this.stopping) return abortHandshake(socket, 503);
    const invalid = upgradeProblem(request);
    if (invalid !== null) {
      this.loggers.server.warn(`refused ${remote} ${sanitize(request.url)}: ${invalid} (400)`);
      this.refusals.record(null, remote, 400, "bad-request", invalid);
      return abortHandshake(socket, 400, {}, `${invalid}
`);
    }
    const path = chargerIdFromPath(request.url ?? "/", this.config.fixups.url);
    if (!path.ok) {
      this.loggers.server.warn(`refused ${remote} ${sanitize(request.url)}: ${path.reason} (404)`);
      this.refusals.record(null, remote, 404, "bad-request", path.reason);
      return abortHandshake(socket, 404, {}, `${path.reason}
`);
    }
    const { chargerId } = path;
    if (this.config.chargerAuth.required) {
      const refusal = await this.authenticate(chargerId, request, remote);
      if (refusal !== null) {
        this.loggers.server.warn(`${chargerId}: refused ${remote}: ${AUTH_REFUSALS[refusal]} (${refusal})`);
        this.refusals.record(chargerId, remote, refusal, refusal === 404 ? "unknown-id" : refusal === 401 ? "credentials" : "busy", AUTH_REFUSALS[refusal]);
        const headers = refusal === 401 ? { "WWW-Authenticate": 'Basic realm="ocpp-proxy", charset="UTF-8"' } : refusal === 404 ? {} : { "Retry-After": "5" };
        return abortHandshake(socket, refusal, headers);
      }
    }
    let offered = offeredSubprotocols(request.headers["sec-websocket-protocol"]).filter(isSupportedProtocol);
    let versionSource = "subprotocol";
    if (offered.length === 0 && this.config.versionDetection === "lenient") {
      const detected = detectVersion(request, this.config.defaultProtocol);
      if (detected !== null) {
        offered = [detected.version];
        versionSource = detected.source;
        this.loggers.server.info(`${chargerId}: offered no OCPP subprotocol; ${detected.version} taken from the ${detected.source}`);
      }
    }
    if (offered.length === 0) {
      const header2 = request.headers["sec-websocket-protocol"];
      const said = header2 === void 0 ? "sent no Sec-WebSocket-Protocol header" : `offered only ${sanitize(header2)}`;
      this.loggers.server.warn(
        `${chargerId}: ${said}, no OCPP version (ocpp1.6, ocpp2.0.1, ocpp2.1); closing. If the charger cannot be set to offer one, set [host] version_detection = lenient (and default_protocol)`
      );
      this.refusals.record(chargerId, remote, 101, "subprotocol", `${said}, no OCPP version`);
      return this.acceptAndClose(request, socket, head2, false, "no supported OCPP subprotocol offered");
    }
    const memory = this.memories.get(chargerId) ?? this.restoredMemory(chargerId);
    const session = new ChargerSession(chargerId, memory, this.context, (ended) => {
      if (this.sessions.get(ended.chargerId) === ended) this.sessions.delete(ended.chargerId);
    });
    this.handshaking.add(session);
    const onChargerGone = () => void session.shutdown(1001, 1001, "charger went away during the handshake");
    socket.once("close", onChargerGone);
    const failure = session.isEnded ? null : await session.connectPrimary(offered, request.headers);
    socket.off("close", onChargerGone);
    if (session.isEnded || socket.destroyed) {
      this.handshaking.delete(session);
      void session.shutdown(1001, 1001, "handshake abandoned");
      socket.destroy();
      return;
    }
    if (failure !== null) {
      this.handshaking.delete(session);
      void session.shutdown(1011, 1e3, "primary refused");
      if (failure.kind === "http") {
        this.loggers.server.warn(`${chargerId}: primary refused the handshake with HTTP ${failure.status}; passed on to the charger`);
        this.refusals.record(chargerId, remote, failure.status, "primary-refused", `the primary answered HTTP ${failure.status}`);
        return abortHandshake(socket, failure.status, failure.headers);
      }
      if (failure.kind === "no-subprotocol") {
        this.loggers.server.warn(`${chargerId}: primary accepted none of ${offered.join(", ")}, closing`);
        this.refusals.record(chargerId, remote, 101, "subprotocol", `the primary accepted none of ${offered.join(", ")}`);
        return this.acceptAndClose(request, socket, head2, false, "the backend supports none of the offered OCPP versions");
      }
      this.loggers.server.warn(`${chargerId}: primary unreachable (${failure.message}), refusing with 502`);
      this.refusals.record(chargerId, remote, 502, "primary-unreachable", `primary unreachable: ${failure.message}`);
      return abortHandshake(socket, 502, {}, "primary upstream unreachable\n");
    }
    this.chosenProtocol.set(request, versionSource === "subprotocol" ? session.chargerProtocol : false);
    let upgraded = false;
    this.wss.handleUpgrade(request, socket, head2, (charger) => {
      upgraded = true;
      this.handshaking.delete(session);
      const previous = this.sessions.get(chargerId);
      this.sessions.set(chargerId, session);
      this.remember(chargerId, memory);
      if (previous !== void 0) {
        this.loggers.server.info(`${chargerId}: new connection from ${remote} replaces the previous one`);
        void previous.shutdown(1e3, 1e3, "replaced by a new connection");
      }
      this.loggers.server.info(`${chargerId} connected from ${remote} (${session.chargerProtocol}, from the ${versionSource})`);
      session.attachCharger(charger, session.chargerProtocol, versionSource);
    });
    if (!upgraded) {
      this.handshaking.delete(session);
      void session.shutdown(1001, 1001, "charger upgrade failed");
      socket.destroy();
    }
  }
  /** Keeps what is known of a charger; past MAX_REMEMBERED_CHARGERS the longest-gone is forgotten. */
  remember(chargerId, memory) {
    this.memories.delete(chargerId);
    this.memories.set(chargerId, memory);
    if (this.memories.size <= MAX_REMEMBERED_CHARGERS) return;
    for (const id of this.memories.keys()) {
      if (!this.sessions.has(id)) {
        this.memories.delete(id);
        return;
      }
    }
  }
  /**
   * HTTP Basic Auth against `[chargers]` before the upgrade: null when allowed, else the status.
   * scrypt is deliberately slow, so verifications in progress are capped, per address and in all:
   * a flood of wrong passwords fails fast instead of queueing ahead of the real chargers.
   */
  async authenticate(chargerId, request, remote) {
    const stored = this.passwordHashes.get(chargerId);
    if (stored === void 0) return 404;
    const credentials = parseBasicAuth(request.headers.authorization);
    if (credentials === null || credentials.username !== chargerId) return 401;
    const fromRemote = this.verifying.get(remote) ?? 0;
    if (fromRemote >= MAX_VERIFICATIONS_PER_ADDRESS) return 429;
    if (this.verificationsInProgress >= MAX_VERIFICATIONS) return 503;
    this.verifying.set(remote, fromRemote + 1);
    this.verificationsInProgress++;
    try {
      return await verifyPassword(credentials.password, stored) ? null : 401;
    } finally {
      this.verificationsInProgress--;
      const left2 = (this.verifying.get(remote) ?? 1) - 1;
      if (left2 === 0) this.verifying.delete(remote);
      else this.verifying.set(remote, left2);
    }
  }
  /** A charger's memory as the state store kept it (boot, acceptance, statuses), kept there as it changes. */
  restoredMemory(chargerId) {
    const store = this.context.store;
    const key2 = `charger_memory ${chargerId}`;
    const memory = ChargerMemory.restored(store?.getSetting(key2) ?? null);
    if (store !== null) {
      memory.onChange = () => {
        try {
          store.setSetting(key2, memory.snapshot());
        } catch (error) {
          this.context.loggers.proxy.error(`${chargerId}: state database: ${error.message}`);
        }
      };
    }
    return memory;
  }
  acceptAndClose(request, socket, head2, protocol, reason) {
    this.chosenProtocol.set(request, protocol);
    this.wss.handleUpgrade(request, socket, head2, (ws) => closeWithin(ws, 1002, reason, 1e3));
  }
};
function respondToPlainHttp(_request, response) {
  response.writeHead(426, { "Content-Type": "text/plain; charset=utf-8", Upgrade: "websocket", Connection: "close" });
  response.end("This port accepts OCPP WebSocket connections only: ws://HOST:PORT/<charger id>\n");
}
function sanitize(value) {
  if (value === void 0) return "(none)";
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value);
}

// src/store/outbox.ts
var WRITE_BEHIND_MS = 200;
var Outbox = class {
  db;
  statements;
  /** Written entries per upstream, kept as they are written and deleted (a count over the table would scan it). */
  counts = /* @__PURE__ */ new Map();
  /** Entries not written yet, by seq. */
  puts = /* @__PURE__ */ new Map();
  /** Written entries an upstream has answered. */
  deletes = [];
  /** Written StartTransaction entries that got the charger's transaction id. */
  txUpdates = [];
  turnFlush = false;
  timer = null;
  nextSeq;
  /** Writes that did not make it to the file since start (the loss the metrics count). */
  lost = 0;
  /** Entries dropped for their age (`[host] outbox_days`) since start. */
  dropped = 0;
  /** Entries an upstream answered with a CallError since start (removed all the same). */
  refused = 0;
  /** Told of each failed batch, with the database's message. */
  onError = () => void 0;
  constructor(db) {
    this.db = db;
    this.statements = {
      put: db.prepare("INSERT OR REPLACE INTO outbox (charger, upstream, seq, call_id, action, text, at, charger_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      done: db.prepare("DELETE FROM outbox WHERE charger = ? AND upstream = ? AND seq = ?"),
      tx: db.prepare("UPDATE outbox SET charger_tx = ? WHERE charger = ? AND upstream = ? AND seq = ?"),
      rows: db.prepare("SELECT seq, charger, upstream, call_id, action, text, at, charger_tx FROM outbox WHERE charger = ? AND upstream = ? ORDER BY seq"),
      holding: db.prepare("SELECT 1 FROM outbox WHERE upstream = ? AND at = ? AND charger = ? AND call_id = ? LIMIT 1"),
      oldest: db.prepare("SELECT min(at) AS oldest FROM outbox WHERE upstream = ?"),
      prune: db.prepare("DELETE FROM outbox WHERE upstream = ? AND at < ?")
    };
    for (const row of db.prepare("SELECT upstream, count(*) AS entries FROM outbox GROUP BY upstream").all()) {
      this.counts.set(row.upstream, Number(row.entries));
    }
    const { top: top2 } = db.prepare("SELECT max(seq) AS top FROM outbox").get();
    this.nextSeq = (top2 ?? 0) + 1;
  }
  /**
   * Keeps a Call for an upstream. `sentLive`: it went to the upstream just now (written behind,
   * or never if answered first); otherwise it waits for the upstream (written at the end of this
   * turn). Returns its key.
   */
  put(entry, sentLive = false) {
    const seq = this.nextSeq++;
    this.puts.set(seq, { ...entry, seq, chargerTx: null });
    this.schedule(!sentLive);
    return { charger: entry.charger, upstream: entry.upstream, seq };
  }
  /** The upstream answered (a CallResult or a CallError): the entry goes. */
  done(key2) {
    if (this.puts.delete(key2.seq)) return;
    this.deletes.push(key2);
    this.schedule(false);
  }
  /** The StartTransaction in entry `key` got the charger's transaction id from its answerer. */
  startedAs(key2, chargerTx) {
    const unwritten = this.puts.get(key2.seq);
    if (unwritten !== void 0) {
      unwritten.chargerTx = chargerTx;
      return;
    }
    this.txUpdates.push({ ...key2, chargerTx });
    this.schedule(false);
  }
  /** What an upstream has still to receive from a charger, oldest first; unreadable rows are skipped and said. */
  pending(charger, upstream) {
    this.flush();
    const out = [];
    for (const row of this.statements.rows.all(charger, upstream)) {
      const entry = entryOf(row);
      if (entry === null) {
        this.onError(`outbox entry ${String(row.seq)} of ${upstream} for ${charger} is unreadable, skipped`);
        this.done({ charger, upstream, seq: Number(row.seq) });
        continue;
      }
      out.push(entry);
    }
    return out;
  }
  /** The upstreams whose outbox holds this Call of a charger, received at `at` (ms): an index seek per upstream. */
  holding(charger, callId, at2) {
    this.flush();
    return [...this.counts.keys()].filter((upstream) => this.statements.holding.get(upstream, at2, charger, callId) !== void 0);
  }
  /** Per upstream: how many entries wait, and since when (ms). */
  stats() {
    this.flush();
    const out = [];
    for (const [upstream, entries] of this.counts) {
      const { oldest } = this.statements.oldest.get(upstream);
      if (oldest === null) continue;
      out.push({ upstream, entries: entries > 0 ? entries : this.recount(upstream), oldest: Number(oldest) });
    }
    return out.sort((a, b) => a.upstream < b.upstream ? -1 : 1);
  }
  /** Per upstream: how many entries wait, and how long the oldest has (whole seconds). */
  ages(now) {
    return this.stats().map((s) => ({ upstream: s.upstream, entries: s.entries, oldestSeconds: Math.max(0, Math.round((now - s.oldest) / 1e3)) }));
  }
  recount(upstream) {
    const { entries } = this.db.prepare("SELECT count(*) AS entries FROM outbox WHERE upstream = ?").get(upstream);
    this.counts.set(upstream, Number(entries));
    return Number(entries);
  }
  /** Drops entries older than `before` (ms); returns how many went. */
  prune(before) {
    this.flush();
    let gone = 0;
    try {
      for (const [upstream, entries] of this.counts) {
        const changes = Number(this.statements.prune.run(upstream, before).changes);
        this.counts.set(upstream, entries - changes);
        gone += changes;
      }
    } catch (error) {
      this.onError(error.message);
    }
    this.dropped += gone;
    return gone;
  }
  /** Writes what is queued, in one transaction. */
  flush() {
    this.turnFlush = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.puts.size === 0 && this.deletes.length === 0 && this.txUpdates.length === 0) return;
    const puts = [...this.puts.values()];
    this.puts.clear();
    const deletes = this.deletes.splice(0);
    const txUpdates = this.txUpdates.splice(0);
    const change = /* @__PURE__ */ new Map();
    const count = (upstream, by) => change.set(upstream, (change.get(upstream) ?? 0) + by);
    try {
      this.db.exec("BEGIN");
      for (const e of puts) count(e.upstream, Number(this.statements.put.run(e.charger, e.upstream, e.seq, e.callId, e.action, e.text, e.at, e.chargerTx).changes));
      for (const u of txUpdates) this.statements.tx.run(u.chargerTx, u.charger, u.upstream, u.seq);
      for (const d of deletes) count(d.upstream, -Number(this.statements.done.run(d.charger, d.upstream, d.seq).changes));
      this.db.exec("COMMIT");
      for (const [upstream, by] of change) this.counts.set(upstream, (this.counts.get(upstream) ?? 0) + by);
    } catch (error) {
      try {
        this.db.exec("ROLLBACK");
      } catch {
      }
      this.lost += puts.length;
      this.onError(error.message);
    }
  }
  /** `now`: at the end of this turn; else within WRITE_BEHIND_MS. */
  schedule(now) {
    if (now) {
      if (this.turnFlush) return;
      this.turnFlush = true;
      setImmediate(() => {
        if (this.turnFlush) this.flush();
      });
    } else if (this.timer === null && !this.turnFlush) {
      this.timer = setTimeout(() => this.flush(), WRITE_BEHIND_MS);
    }
  }
};
function entryOf(row) {
  const { seq, charger, upstream, call_id: callId, action, text: text3, at: at2, charger_tx: chargerTx } = row;
  if (typeof seq !== "number" || typeof charger !== "string" || typeof upstream !== "string" || typeof callId !== "string" || typeof action !== "string" || typeof text3 !== "string" || typeof at2 !== "number") return null;
  if (!text3.startsWith("[")) return null;
  return { seq, charger, upstream, callId, action, text: text3, at: at2, chargerTx: typeof chargerTx === "string" ? chargerTx : null };
}

// src/store/store.ts
import { createRequire } from "node:module";

// src/store/migrations.ts
var MIGRATIONS = [
  `CREATE TABLE transactions (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     owner TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (charger, charger_tx)
   );
   CREATE TABLE upstream_tx (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     upstream TEXT NOT NULL,
     upstream_tx TEXT NOT NULL,
     PRIMARY KEY (charger, charger_tx, upstream)
   );
   CREATE TABLE sessions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     charger TEXT NOT NULL,
     connector INTEGER,
     evse INTEGER,
     id_tag TEXT,
     owner TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     started_at TEXT,
     stopped_at TEXT,
     meter_start REAL,
     meter_stop REAL,
     energy_kwh REAL,
     stop_reason TEXT
   );
   CREATE INDEX sessions_tx ON sessions (charger, charger_tx);
   CREATE INDEX sessions_started ON sessions (started_at);`,
  `ALTER TABLE sessions ADD COLUMN revenue REAL;
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // The web pages' charts and overview: a compact meter series per session (written in batches a
  // few seconds apart, thinned past a bound) and every charger seen, so it is listed while offline.
  `CREATE TABLE meter_samples (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     at INTEGER NOT NULL,
     power_w REAL,
     energy_wh REAL,
     current_l1 REAL,
     current_l2 REAL,
     current_l3 REAL,
     PRIMARY KEY (charger, charger_tx, at)
   ) WITHOUT ROWID;
   CREATE INDEX meter_samples_at ON meter_samples (at);
   CREATE TABLE chargers_seen (
     charger TEXT PRIMARY KEY,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     protocol TEXT,
     vendor TEXT,
     model TEXT,
     firmware TEXT
   );`,
  // 2.0.1: an owner guessed before any idToken was seen stays a guess across reconnects.
  `ALTER TABLE transactions ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0;`,
  // [configuration] views: each upstream's own value of the shared keys (upstream '' = the base).
  `CREATE TABLE config_views (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (charger, upstream, key)
   ) WITHOUT ROWID;`,
  // [charging] merge: each upstream's charging profiles under its own ids (the profile as sent, JSON).
  `CREATE TABLE charging_profiles (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     connector INTEGER NOT NULL,
     purpose TEXT NOT NULL,
     profile_id INTEGER NOT NULL,
     profile TEXT NOT NULL,
     PRIMARY KEY (charger, upstream, connector, purpose, profile_id)
   ) WITHOUT ROWID;`,
  // Durable delivery: each upstream's transaction Calls until it answered them (store/outbox.ts).
  `CREATE TABLE outbox (
     seq INTEGER PRIMARY KEY,
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     call_id TEXT NOT NULL,
     action TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     charger_tx TEXT
   );
   CREATE INDEX outbox_link ON outbox (charger, upstream, seq);
   CREATE INDEX outbox_at ON outbox (at);`,
  // The outbox keyed by what reads it (charger, upstream, seq), without a rowid; (upstream, at) finds
  // each upstream's oldest entry and what outbox_days drops without a scan.
  `CREATE TABLE outbox_keyed (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     seq INTEGER NOT NULL,
     call_id TEXT NOT NULL,
     action TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     charger_tx TEXT,
     PRIMARY KEY (charger, upstream, seq)
   ) WITHOUT ROWID;
   INSERT INTO outbox_keyed SELECT charger, upstream, seq, call_id, action, text, at, charger_tx FROM outbox;
   DROP TABLE outbox;
   ALTER TABLE outbox_keyed RENAME TO outbox;
   CREATE INDEX outbox_age ON outbox (upstream, at);`
];
function migrate(db) {
  const { user_version: version } = db.prepare("PRAGMA user_version").get();
  if (version > MIGRATIONS.length) throw new Error(`its schema version ${version} is newer than this ocpp-proxy knows (${MIGRATIONS.length}); upgrade ocpp-proxy`);
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(MIGRATIONS[next]);
      db.exec(`PRAGMA user_version = ${next + 1}`);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }
}

// src/store/store.ts
var requireBuiltin = createRequire(import.meta.url);
var sqlite = () => requireBuiltin("node:sqlite");
var StoreError = class extends ProxyError {
  constructor(message) {
    super("ERR_STORE", message);
  }
};
var Store = class _Store {
  path;
  /** Durable outboxes of the upstreams (store/outbox.ts). */
  outbox;
  db;
  statements;
  lazyStatements = /* @__PURE__ */ new Map();
  constructor(path, db) {
    this.path = path;
    this.db = db;
    this.outbox = new Outbox(db);
    const prepare = (sql) => db.prepare(sql);
    this.statements = {
      owner: prepare("INSERT OR REPLACE INTO transactions (charger, charger_tx, owner, created_at, guessed) VALUES (?, ?, ?, ?, ?)"),
      upstreamTx: prepare("INSERT OR REPLACE INTO upstream_tx (charger, charger_tx, upstream, upstream_tx) VALUES (?, ?, ?, ?)"),
      owners: prepare("SELECT charger_tx, owner, guessed FROM transactions WHERE charger = ?"),
      upstreamIds: prepare("SELECT charger_tx, upstream, upstream_tx FROM upstream_tx WHERE charger = ?"),
      openSession: prepare("SELECT id FROM sessions WHERE charger = ? AND charger_tx = ? AND stopped_at IS NULL ORDER BY id DESC LIMIT 1"),
      start: prepare(
        `INSERT INTO sessions (charger, connector, evse, id_tag, owner, charger_tx, started_at, meter_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      ),
      reown: prepare("UPDATE sessions SET owner = ?, id_tag = COALESCE(?, id_tag) WHERE id = ?"),
      stop: prepare(
        `UPDATE sessions SET stopped_at = ?, meter_stop = ?, stop_reason = ?,
           energy_kwh = CASE WHEN ? IS NOT NULL AND meter_start IS NOT NULL THEN round((? - meter_start) / 1000.0, 3) END
         WHERE id = ?`
      ),
      finished: prepare("SELECT * FROM sessions WHERE id = ?"),
      revenue: prepare("UPDATE sessions SET revenue = round(energy_kwh * ?, 4) WHERE id = ? AND energy_kwh IS NOT NULL"),
      getSetting: prepare("SELECT value FROM settings WHERE key = ?"),
      setSetting: prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
      deleteSetting: prepare("DELETE FROM settings WHERE key = ?"),
      stopUnknown: prepare(
        `INSERT INTO sessions (charger, owner, charger_tx, stopped_at, meter_stop, stop_reason) VALUES (?, ?, ?, ?, ?, ?)`
      )
    };
  }
  /** Opens (creating if needed) and migrates the database; throws StoreError with what to do. */
  static open(path) {
    let db;
    try {
      db = new (sqlite()).DatabaseSync(path);
      db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000; PRAGMA foreign_keys = ON;");
    } catch (error) {
      throw new StoreError(`cannot open state database ${path}: ${error.message} (set [store] path or --state)`);
    }
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw new StoreError(`state database ${path} cannot be used: ${error.message}`);
    }
    return new _Store(path, db);
  }
  loadCharger(charger) {
    const owners = new LazyMap();
    const guessed = new LazySet();
    for (const row of this.statements.owners.all(charger)) {
      owners.set(row.charger_tx, row.owner);
      if (row.guessed === 1) guessed.add(row.charger_tx);
    }
    const upstreamIds = new LazyMap();
    for (const row of this.statements.upstreamIds.all(charger)) {
      let map = upstreamIds.get(row.charger_tx);
      if (map === void 0) upstreamIds.set(row.charger_tx, map = /* @__PURE__ */ new Map());
      map.set(row.upstream, row.upstream_tx);
    }
    return { owners, guessed, upstreamIds };
  }
  /**
   * A transaction started (or, in 2.0.1, its owner became known): its owner and the session row,
   * in one atomic write. A CSMS may reuse a transaction id later: a finished session stays as it was.
   */
  startTransaction(start) {
    this.atomically(() => {
      this.statements.owner.run(start.charger, start.chargerTx, start.owner, (/* @__PURE__ */ new Date()).toISOString(), start.guessed === true ? 1 : 0);
      const open2 = this.statements.openSession.get(start.charger, start.chargerTx);
      if (open2 !== void 0) this.statements.reown.run(start.owner, start.idTag, open2.id);
      else this.statements.start.run(start.charger, start.connector, start.evse, start.idTag, start.owner, start.chargerTx, start.startedAt, start.meterStart);
    });
  }
  setUpstreamTx(charger, chargerTx, upstream, upstreamTx) {
    this.statements.upstreamTx.run(charger, chargerTx, upstream, upstreamTx);
  }
  /** Closes the session; returns the finished row. `price` is the owner's price per kWh, if any. */
  stopTransaction(stop, owner, price = null) {
    const open2 = this.statements.openSession.get(stop.charger, stop.chargerTx);
    let id;
    if (open2 === void 0) {
      id = Number(this.statements.stopUnknown.run(stop.charger, owner, stop.chargerTx, stop.stoppedAt, stop.meterStop, stop.reason).lastInsertRowid);
    } else {
      id = open2.id;
      this.statements.stop.run(stop.stoppedAt, stop.meterStop, stop.reason, stop.meterStop, stop.meterStop, id);
    }
    if (price !== null) this.statements.revenue.run(price, id);
    return this.statements.finished.get(id);
  }
  getSetting(key2) {
    const row = this.statements.getSetting.get(key2);
    return row?.value ?? null;
  }
  setSetting(key2, value) {
    if (value === null) this.statements.deleteSetting.run(key2);
    else this.statements.setSetting.run(key2, value);
  }
  /** The configuration views of a charger (upstream '' holds the base values). */
  configViews(charger) {
    const rows = this.prepared("SELECT upstream, key, value FROM config_views WHERE charger = ?").all(charger);
    return rows.map((row) => ({ upstream: row.upstream, key: row.key, value: row.value }));
  }
  /** Sets (null: removes) one upstream's view of one key; written when a view changes, never per frame. */
  setConfigView(charger, upstream, key2, value) {
    if (value === null) this.prepared("DELETE FROM config_views WHERE charger = ? AND upstream = ? AND key = ?").run(charger, upstream, key2);
    else this.prepared("INSERT OR REPLACE INTO config_views (charger, upstream, key, value) VALUES (?, ?, ?, ?)").run(charger, upstream, key2, value);
  }
  /** The charger's sessions that have not ended: where (1.6 connector, 2.0.1+ EVSE) and since when. */
  runningSessions(charger) {
    return this.prepared("SELECT charger_tx, COALESCE(evse, connector) AS place, started_at FROM sessions WHERE charger = ? AND stopped_at IS NULL").all(charger);
  }
  /** Every upstream's charging profiles for a charger, as stored by setChargingProfile. */
  chargingProfiles(charger) {
    return this.prepared("SELECT upstream, connector, purpose, profile_id, profile FROM charging_profiles WHERE charger = ?").all(charger);
  }
  /** Keeps (profile null: forgets) one upstream's charging profile; written on Set/Clear, never per frame. */
  setChargingProfile(charger, upstream, connector, purpose, id, profile) {
    if (profile === null) this.prepared("DELETE FROM charging_profiles WHERE charger = ? AND upstream = ? AND connector = ? AND purpose = ? AND profile_id = ?").run(charger, upstream, connector, purpose, id);
    else this.prepared("INSERT OR REPLACE INTO charging_profiles (charger, upstream, connector, purpose, profile_id, profile) VALUES (?, ?, ?, ?, ?, ?)").run(charger, upstream, connector, purpose, id, profile);
  }
  /** Null when the database takes a write now, else why not (disk full, read-only, locked). */
  writeProblem() {
    try {
      this.statements.setSetting.run("healthz", (/* @__PURE__ */ new Date()).toISOString());
      return null;
    } catch (error) {
      return error.message;
    }
  }
  sessions(filter = {}) {
    const where = [];
    const args2 = [];
    if (filter.since !== void 0) {
      where.push("COALESCE(started_at, stopped_at) >= ?");
      args2.push(filter.since);
    }
    if (filter.charger !== void 0) {
      where.push("s.charger = ?");
      args2.push(filter.charger);
    }
    const rows = this.db.prepare(
      `SELECT s.*, (SELECT json_group_object(upstream, upstream_tx) FROM upstream_tx u
                       WHERE u.charger = s.charger AND u.charger_tx = s.charger_tx) AS upstream_tx
         FROM sessions s ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY s.id`
    ).all(...args2);
    return rows.map((row) => ({ ...row, upstream_tx: row.upstream_tx === null ? {} : JSON.parse(row.upstream_tx) }));
  }
  /** One session by its row id (the sessions page's charts), or null. */
  session(id) {
    const row = this.prepared(
      `SELECT s.*, (SELECT json_group_object(upstream, upstream_tx) FROM upstream_tx u
                     WHERE u.charger = s.charger AND u.charger_tx = s.charger_tx) AS upstream_tx
       FROM sessions s WHERE s.id = ?`
    ).get(id);
    if (row === void 0) return null;
    return { ...row, upstream_tx: row.upstream_tx === null ? {} : JSON.parse(row.upstream_tx) };
  }
  /**
   * Meter samples in one write (the web server batches them a few seconds apart, never per
   * frame). Samples of the same instant merge: a measurand a later one lacks is kept.
   */
  addMeterSamples(samples) {
    if (samples.length === 0) return;
    const upsert = this.prepared(
      `INSERT INTO meter_samples (charger, charger_tx, at, power_w, energy_wh, current_l1, current_l2, current_l3) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (charger, charger_tx, at) DO UPDATE SET
         power_w = COALESCE(excluded.power_w, power_w), energy_wh = COALESCE(excluded.energy_wh, energy_wh),
         current_l1 = COALESCE(excluded.current_l1, current_l1), current_l2 = COALESCE(excluded.current_l2, current_l2),
         current_l3 = COALESCE(excluded.current_l3, current_l3)`
    );
    this.atomically(() => {
      for (const s of samples) upsert.run(s.charger, s.chargerTx, s.at, s.powerW, s.energyWh, s.currentL1, s.currentL2, s.currentL3);
    });
  }
  /** A session's series, oldest first, optionally within [from, to] (ms since the epoch). */
  meterSamples(charger, chargerTx, from = 0, to = Number.MAX_SAFE_INTEGER) {
    const rows = this.prepared(
      `SELECT at, power_w, energy_wh, current_l1, current_l2, current_l3 FROM meter_samples
       WHERE charger = ? AND charger_tx = ? AND at BETWEEN ? AND ? ORDER BY at`
    ).all(charger, chargerTx, from, to);
    return rows.map((r) => ({
      charger,
      chargerTx,
      at: r.at,
      powerW: r.power_w,
      energyWh: r.energy_wh,
      currentL1: r.current_l1,
      currentL2: r.current_l2,
      currentL3: r.current_l3
    }));
  }
  /**
   * Keeps a session's series at most `maxPoints` long: every second point goes (the first and the
   * last stay) until it fits, so a long session keeps its whole shape at a coarser step.
   */
  thinMeterSamples(charger, chargerTx, maxPoints) {
    const count = this.prepared("SELECT count(*) AS n FROM meter_samples WHERE charger = ? AND charger_tx = ?");
    const halve = this.prepared(
      `DELETE FROM meter_samples WHERE charger = ? AND charger_tx = ? AND at IN (
         SELECT at FROM (SELECT at, row_number() OVER (ORDER BY at) AS n, count(*) OVER () AS total
                         FROM meter_samples WHERE charger = ? AND charger_tx = ?)
         WHERE n % 2 = 0 AND n < total)`
    );
    let removed = 0;
    while (count.get(charger, chargerTx).n > Math.max(2, maxPoints)) {
      removed += Number(halve.run(charger, chargerTx, charger, chargerTx).changes);
    }
    return removed;
  }
  /** Drops the samples older than `before` (ms since the epoch); returns how many. */
  pruneMeterSamples(before) {
    return Number(this.prepared("DELETE FROM meter_samples WHERE at < ?").run(before).changes);
  }
  /** Records chargers as seen (first_seen is kept; a null field keeps what was known), then keeps the latest `keep`. */
  saveChargersSeen(rows, keep = 1e3) {
    if (rows.length === 0) return;
    const upsert = this.prepared(
      `INSERT INTO chargers_seen (charger, first_seen, last_seen, protocol, vendor, model, firmware) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (charger) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen),
         protocol = COALESCE(excluded.protocol, protocol), vendor = COALESCE(excluded.vendor, vendor),
         model = COALESCE(excluded.model, model), firmware = COALESCE(excluded.firmware, firmware)`
    );
    const trim = this.prepared("DELETE FROM chargers_seen WHERE charger NOT IN (SELECT charger FROM chargers_seen ORDER BY last_seen DESC LIMIT ?)");
    this.atomically(() => {
      for (const r of rows) upsert.run(r.charger, r.first_seen, r.last_seen, r.protocol, r.vendor, r.model, r.firmware);
      trim.run(keep);
    });
  }
  /** The chargers seen, most recently seen first. */
  chargersSeen(limit = 1e3) {
    const rows = this.prepared("SELECT * FROM chargers_seen ORDER BY last_seen DESC LIMIT ?").all(limit);
    return rows.map((row) => ({ ...row }));
  }
  close() {
    this.outbox.flush();
    this.db.close();
  }
  /** Statements of the methods above, prepared once on first use. */
  prepared(sql) {
    let statement = this.lazyStatements.get(sql);
    if (statement === void 0) this.lazyStatements.set(sql, statement = this.db.prepare(sql));
    return statement;
  }
  atomically(work) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }
};

// src/web/web-server.ts
import { createServer as createServer2 } from "node:http";
import { timingSafeEqual as timingSafeEqual3 } from "node:crypto";

// src/store/sessions-format.ts
var COLUMNS = ["id", "charger", "connector", "id_tag", "owner", "charger_tx", "upstream_tx", "started_at", "stopped_at", "meter_start", "meter_stop", "energy_kwh", "revenue", "stop_reason"];
function cell(row, column) {
  const value = row[column];
  if (value === null || value === void 0) return "";
  if (column === "upstream_tx") return Object.entries(value).map(([name, id]) => `${name}=${id}`).join(" ");
  return String(value);
}
function sessionsCsv(rows) {
  const quote = (text3) => /[",\r\n]/.test(text3) || /^[=+\-@]/.test(text3) ? `"${text3.replace(/"/g, '""')}"` : text3;
  return [COLUMNS.join(","), ...rows.map((row) => COLUMNS.map((c) => quote(cell(row, c))).join(","))].join("\n") + "\n";
}
function sessionsTable(rows) {
  if (rows.length === 0) return "no sessions\n";
  const table = [COLUMNS.map(String), ...rows.map((row) => COLUMNS.map((c) => cell(row, c)))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  return table.map((line) => line.map((text3, i) => text3.padEnd(widths[i])).join("  ").trimEnd()).join("\n") + "\n";
}

// src/web/pages.ts
import { createHash } from "node:crypto";

// src/web/ui/common.ts
var FAVICON_SVG = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='8' fill='#1a66d6'/><path d='M18.5 4 8 18h7l-2.5 10L23 14h-7z' fill='#fff'/></svg>";
var FAVICON = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
var LOGO = FAVICON_SVG.replace("<svg ", '<svg width="22" height="22" aria-hidden="true" ');
var NAV = [
  ["overview", "status", "Overview"],
  ["sessions", "sessions", "Sessions"],
  ["monitor", "./", "Live messages"]
];
function head(title, style) {
  return `<meta charset="utf-8"><title>${title} \xB7 ocpp-proxy</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<link rel="icon" href="${FAVICON}"><style>${style}</style>`;
}
function header(current) {
  const links = NAV.map(([name, href, label]) => `<a href="${href}"${name === current ? ' aria-current="page"' : ""}>${label}</a>`).join("");
  return `<header class="top"><span class="brand">${LOGO}ocpp-proxy</span>
<nav>${links}</nav><span class="conn" id="conn"></span></header>
<div id="warnings" class="warnings" role="alert" hidden></div>`;
}
var COMMON_SCRIPT = `
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value; else if (key.startsWith('on')) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    return node;
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }
  /** The configuration warnings of /api/status as a banner (hidden while there are none). */
  function showWarnings(warnings) {
    const banner = document.getElementById('warnings');
    const list = Array.isArray(warnings) ? warnings : [];
    banner.replaceChildren(...list.map((text) => el('div', {}, String(text))));
    banner.hidden = list.length === 0;
  }
  function setConn(live) { document.getElementById('conn').textContent = live ? '\u25CF live' : '\u25CB reconnecting'; }

  // ---- local time, always with its zone ----
  const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  function zoneShort(date) {
    const part = new Intl.DateTimeFormat([], { timeZoneName: 'short' }).formatToParts(date || new Date()).find((p) => p.type === 'timeZoneName');
    return part ? part.value : '';
  }
  const ZONE_LABEL = ZONE + (zoneShort() && zoneShort() !== ZONE ? ', ' + zoneShort() : '');
  function toDate(value) { if (value === null || value === undefined || value === '') return null; const d = value instanceof Date ? value : new Date(value); return Number.isNaN(d.getTime()) ? null : d; }
  function fmtClock(value, seconds) {
    const d = toDate(value); if (!d) return '\u2013';
    return d.toLocaleTimeString([], seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  }
  function fmtClockMs(value) {
    const d = toDate(value); if (!d) return '\u2013';
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });
  }
  function sameDay(a, b) { return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(); }
  /** A time today, or a date and time otherwise. */
  function fmtWhen(value) {
    const d = toDate(value); if (!d) return '\u2013';
    return sameDay(d, new Date()) ? fmtClock(d) : d.toLocaleString([], { day: 'numeric', month: 'short', year: d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  function fmtDuration(ms) {
    if (!(ms >= 0)) return '\u2013';
    const minutes = Math.round(ms / 60000);
    if (minutes < 1) return Math.max(0, Math.round(ms / 1000)) + ' s';
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
    return Math.round(hours / 24) + ' days';
  }
  function fmtAgo(value) {
    const d = toDate(value); if (!d) return '\u2013';
    const ms = Date.now() - d.getTime();
    return ms < 45000 ? 'just now' : fmtDuration(ms) + ' ago';
  }
  function fmtPower(w) {
    if (w === null || w === undefined || !Number.isFinite(Number(w))) return '\u2013';
    return Math.abs(w) >= 1000 ? (w / 1000).toFixed(1) + ' kW' : Math.round(w) + ' W';
  }
  function fmtEnergy(wh) {
    if (wh === null || wh === undefined || !Number.isFinite(Number(wh))) return '\u2013';
    return (wh / 1000).toFixed(2) + ' kWh';
  }
  function fmtNumber(value, digits, unit) {
    if (value === null || value === undefined || !Number.isFinite(Number(value))) return '\u2013';
    return Number(value).toFixed(digits) + (unit ? ' ' + unit : '');
  }
  /** A timestamp element: the local time as text, the full instant (and zone) on hover. */
  function timeEl(value, text) {
    const d = toDate(value);
    return el('time', { datetime: d ? d.toISOString() : undefined, title: d ? d.toLocaleString() + ' (' + ZONE_LABEL + ')' : undefined }, text === undefined ? fmtWhen(value) : text);
  }
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.status + ' ' + ((await response.json().catch(() => ({}))).error || response.statusText));
    return response.json();
  }
  /** A POST (or DELETE) of the page's own origin; the answer as {ok, status, body}. */
  async function send(method, url, body) {
    const response = await fetch(url, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: response.ok, status: response.status, body: await response.json().catch(() => ({})) };
  }
`;

// src/web/ui/style.ts
var STYLE = `
  :root { color-scheme: light dark;
    --bg: #f3f5f8; --card: #fff; --text: #1b2230; --muted: #667085; --border: #e1e5eb; --soft: #eef1f5;
    --accent: #1a66d6; --ok: #137333; --ok-bg: #e3f4e6; --warn: #9a5b00; --warn-bg: #fff3d6; --bad: #b3261e; --bad-bg: #fde7e5;
    --header: #17202e; --header-text: #f5f7fa; --link: #1a66d6; --hover: #eef3ff;
    --c1: #1a66d6; --c2: #1e8e3e; --c3: #d93025; --c4: #f29900; }
  @media (prefers-color-scheme: dark) { :root {
    --bg: #0f1217; --card: #181c23; --text: #e4e8ee; --muted: #98a2b3; --border: #2a303a; --soft: #222832;
    --accent: #7fb0ff; --ok: #7fd197; --ok-bg: #15301f; --warn: #f5c85a; --warn-bg: #35290c; --bad: #f4918a; --bad-bg: #3a1715;
    --header: #0a0c10; --header-text: #e4e8ee; --link: #8ab8ff; --hover: #1f2733;
    --c1: #7fb0ff; --c2: #7fd197; --c3: #f4918a; --c4: #f5c85a; } }
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: var(--bg); color: var(--text); }
  a { color: var(--link); }
  header.top { display: flex; gap: 6px 14px; align-items: center; padding: 8px 14px; background: var(--header); color: var(--header-text); flex-wrap: wrap; }
  header.top .brand { display: flex; align-items: center; gap: 8px; font-weight: 700; font-size: 16px; margin-right: 6px; }
  header.top nav { display: flex; gap: 4px; flex-wrap: wrap; }
  header.top nav a { color: var(--header-text); text-decoration: none; padding: 4px 10px; border-radius: 6px; opacity: .8; }
  header.top nav a:hover { opacity: 1; background: rgba(255,255,255,.08); }
  header.top nav a[aria-current="page"] { opacity: 1; background: rgba(255,255,255,.14); }
  header.top .conn { margin-left: auto; font-size: 12px; opacity: .85; white-space: nowrap; }
  main { padding: 14px; max-width: 1500px; margin: 0 auto; }
  input, select, button, textarea { font: inherit; color: inherit; background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 5px 8px; max-width: 100%; }
  button { cursor: pointer; background: var(--soft); }
  button:hover:not(:disabled) { border-color: var(--accent); }
  button:disabled { opacity: .55; cursor: progress; }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  @media (prefers-color-scheme: dark) { button.primary { color: #0f1217; } }
  button.danger { color: var(--bad); }
  table { border-collapse: collapse; width: 100%; }
  td, th { padding: 4px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
  th { font-weight: 600; color: var(--muted); font-size: 12px; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: var(--muted); } .small { font-size: 12px; }
  .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
  .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--soft); white-space: nowrap; }
  .pill.ok { background: var(--ok-bg); } .pill.warn { background: var(--warn-bg); } .pill.bad { background: var(--bad-bg); }
  .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; background: var(--muted); margin-right: 5px; vertical-align: baseline; }
  .dot.ok { background: var(--ok); } .dot.warn { background: var(--warn); } .dot.bad { background: var(--bad); }
  pre { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: 8px; border-radius: 6px; font-size: 12px; }
  .warnings { background: var(--warn-bg); color: var(--warn); border-bottom: 1px solid var(--border); padding: 6px 14px; }
  .warnings div::before { content: "\u26A0 "; }
  .panel-title, .card h3 { font-size: 12px; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  section.block { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 12px 14px; margin-bottom: 14px; }
  section.block > h2 { font-size: 15px; margin: 0 0 8px; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .toolbar label { display: flex; gap: 6px; align-items: center; }
  details > summary { cursor: pointer; color: var(--link); }
  .empty { padding: 18px; text-align: center; color: var(--muted); }
  /* charts */
  .chart { width: 100%; position: relative; }
  .chart svg { display: block; width: 100%; overflow: visible; }
  .chart .grid { stroke: var(--border); stroke-width: 1; }
  .chart text { fill: var(--muted); font-size: 11px; }
  .chart .cursor { stroke: var(--muted); stroke-dasharray: 3 3; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin-top: 2px; }
  .legend span::before { content: ""; display: inline-block; width: 10px; height: 3px; margin-right: 5px; vertical-align: middle; background: var(--swatch); }
  .chart-tip { font-size: 12px; min-height: 1.45em; color: var(--text); font-variant-numeric: tabular-nums; }
  @media (max-width: 640px) { main { padding: 10px; } header.top { padding: 8px 10px; } }
`;

// src/web/ui/monitor.ts
var MONITOR_STYLE = `
  :root { --c5: #7a4fc4; } @media (prefers-color-scheme: dark) { :root { --c5: #c7a6ff; } }
  .filters { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 14px; background: var(--card); border-bottom: 1px solid var(--border); align-items: center; }
  .filters input { flex: 1 1 120px; min-width: 0; }
  .filters .count { color: var(--muted); font-size: 12px; }
  table.log { table-layout: fixed; font-size: 13px; }
  table.log td { overflow-wrap: anywhere; }
  table.log col.time { width: 8.5em; } table.log col.charger { width: 9em; } table.log col.hop { width: 12em; } table.log col.type { width: 7.5em; }
  table.log col.action { width: 13em; } table.log col.tags { width: 9em; } table.log col.ms { width: 4.5em; }
  tr.msg { cursor: pointer; } tr.msg:hover { background: var(--hover); }
  tr.msg td:first-child { font-variant-numeric: tabular-nums; color: var(--muted); }
  .up { color: var(--c1); } .down { color: var(--ok); } .proxy { color: var(--c5); } .invalid { color: var(--muted); }
  td.CALLERROR, td.INVALID, td.CALLRESULTERROR, td.REFUSED { color: var(--bad); font-weight: 600; }
  tr.refusal { background: var(--bad-bg); }
  .tag { display: inline-block; padding: 0 6px; margin: 0 3px 2px 0; border-radius: 8px; font-size: 11px; background: var(--soft); color: var(--text); }
  .tag.fixed { background: var(--warn-bg); } .tag.blocked { background: var(--bad-bg); } .tag.injected { background: var(--hover); }
  .tag.queued, .tag.replayed { background: var(--ok-bg); } .tag.dropped { background: var(--soft); color: var(--muted); }
  tr.detail td { background: var(--bg); }
  @media (max-width: 700px) {
    table.log thead, table.log colgroup, table.log td.id { display: none; }
    table.log, table.log tbody { display: block; }
    tr.msg { display: flex; flex-wrap: wrap; gap: 0 10px; padding: 5px 10px; border-bottom: 1px solid var(--border); }
    tr.msg td { border: none; padding: 0; }
    tr.msg td.action { font-weight: 600; } tr.msg td.num:not(:empty)::after { content: " ms"; }
    tr.detail { display: block; } tr.detail td { display: block; }
  }
`;
var MONITOR_SCRIPT = `
  // Reached as '/x/abc' (a proxy that strips '/x/abc', asked without the trailing slash), relative
  // URLs would resolve under '/x/': make the address '/x/abc/' (CSP forbids <base>).
  if (!location.pathname.endsWith('/')) history.replaceState(null, '', location.pathname + '/' + location.search + location.hash);
${COMMON_SCRIPT}
  const rows = document.getElementById('rows');
  const filters = ['charger', 'upstream', 'action', 'text'].map((name) => document.getElementById('f-' + name));
  const sentAt = new Map();
  /** The Call now at each charger (one at a time): its time and action, to time the charger's answer. */
  const atCharger = new Map();
  const kept = [];
  let paused = false;
  const held = [];
  document.getElementById('time-head').textContent = 'time (' + (zoneShort() || ZONE) + ')';
  document.getElementById('time-head').title = 'local time, ' + ZONE_LABEL;

  function hopClass(e) {
    if (e.type === 'INVALID') return 'invalid';
    if (e.from === 'charger') return 'up';
    if (e.from === 'proxy') return 'proxy';
    return 'down'; // an upstream's frame, also when it is dropped (a secondary's answer goes no further, as it should)
  }
  function latency(e) {
    if (e.kind === 'refusal') return '';
    const t = Date.parse(e.ts);
    if (e.type === 'CALL' && e.from === 'charger') { sentAt.set(e.charger + '|' + e.id + '|' + e.to, t); return ''; }
    if (e.type === 'CALL' && e.to === 'charger') { atCharger.set(e.charger, { t, action: e.action }); return ''; }
    if (e.type !== 'CALLRESULT' && e.type !== 'CALLERROR') return '';
    if (e.from === 'charger') {
      const call = atCharger.get(e.charger);
      if (!call || call.action !== e.action) return '';
      atCharger.delete(e.charger);
      return String(t - call.t);
    }
    const key = e.charger + '|' + e.id + '|' + e.from;
    const start = sentAt.get(key);
    if (start === undefined) return '';
    sentAt.delete(key);
    if (sentAt.size > 5000) sentAt.delete(sentAt.keys().next().value);
    return String(t - start);
  }
  function visible(e) {
    const [charger, upstream, action, text] = filters.map((f) => f.value.trim().toLowerCase());
    if (e.kind === 'refusal') {
      if (charger && !(e.charger || '').toLowerCase().includes(charger)) return false;
      if (upstream || (action && !'refused connection'.includes(action))) return false;
      return !text || (e.reason + ' ' + e.address).toLowerCase().includes(text);
    }
    if (charger && !e.charger.toLowerCase().includes(charger)) return false;
    if (upstream && !(e.from + ' ' + e.to).toLowerCase().includes(upstream)) return false;
    if (action && !(e.action || '').toLowerCase().includes(action)) return false;
    if (text && !e.raw.toLowerCase().includes(text)) return false;
    return true;
  }
  function expandable(tr, text) {
    tr.addEventListener('click', () => {
      const next = tr.nextSibling;
      if (next && next.classList && next.classList.contains('detail')) { next.remove(); return; }
      tr.after(el('tr', { class: 'detail' }, el('td', { colspan: '8' }, el('pre', {}, text()))));
    });
    return tr;
  }
  function row(e) {
    const ms = latency(e);
    if (e.kind === 'refusal') {
      return expandable(el('tr', { class: 'msg refusal', 'data-type': 'REFUSED' },
        el('td', { title: e.at }, fmtClockMs(e.at)), el('td', {}, e.charger === null ? '\u2013' : e.charger), el('td', {}, e.address + ' \u2192 proxy'),
        el('td', { class: 'REFUSED' }, 'REFUSED'), el('td', { class: 'action' }, 'connection \xB7 HTTP ' + e.status), el('td', { class: 'id' }, ''),
        el('td', {}, el('span', { class: 'tag blocked' }, 'blocked')), el('td', {}, '')),
        () => e.reason + '\\n\\nWhat to try: ' + e.fix);
    }
    const tags = el('td', {}, ...e.tags.map((t) => el('span', { class: 'tag ' + t }, t)));
    const tr = el('tr', { class: 'msg ' + hopClass(e), 'data-type': e.type, 'data-tags': e.tags.join(' ') },
      el('td', { title: e.ts }, fmtClockMs(e.ts)), el('td', {}, e.charger), el('td', {}, e.from + ' \u2192 ' + e.to),
      el('td', { class: e.type }, e.type), el('td', { class: 'action' }, e.action || ''), el('td', { class: 'id' }, e.id || ''), tags,
      el('td', { class: 'num', title: ms ? 'ms until the answer' : undefined }, ms));
    tr.dataset.raw = e.raw;
    return expandable(tr, () => { try { return JSON.stringify(JSON.parse(e.raw), null, 2); } catch { return e.raw; } });
  }
  function add(e) {
    kept.push(e);
    if (kept.length > 2000) kept.shift();
    if (!visible(e)) { latency(e); return; }
    rows.prepend(row(e));
    while (rows.children.length > 1000) rows.lastChild.remove();
    document.getElementById('count').textContent = kept.length + ' messages';
  }
  function redraw() { rows.replaceChildren(); sentAt.clear(); atCharger.clear(); const all = kept.splice(0); all.forEach(add); }
  filters.forEach((f) => f.addEventListener('input', redraw));
  document.getElementById('pause').addEventListener('click', (event) => {
    paused = !paused; event.target.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) held.splice(0).forEach(add);
  });
  document.getElementById('clear').addEventListener('click', () => { kept.length = 0; rows.replaceChildren(); document.getElementById('count').textContent = ''; });

  const refusal = (r) => ({ ...r, kind: 'refusal', ts: r.at });
  Promise.all([fetch('api/messages').then((r) => r.json()), fetch('api/chargers').then((r) => r.json()).catch(() => ({ refusals: [] }))]).then(([entries, chargers]) => {
    const history = entries.concat((chargers.refusals || []).map(refusal));
    history.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts)).forEach(add);
    const source = new EventSource('api/live');
    const take = (e) => { if (paused) held.push(e); else add(e); };
    source.addEventListener('message', (event) => take(JSON.parse(event.data)));
    source.addEventListener('refusal', (event) => take(refusal(JSON.parse(event.data))));
    source.addEventListener('status', (event) => showWarnings(JSON.parse(event.data).warnings));
    source.addEventListener('open', () => setConn(true));
    source.addEventListener('error', () => setConn(false));
  });
`;
var MONITOR_HTML = `<!doctype html>
<html lang="en"><head>${head("Live messages", STYLE + MONITOR_STYLE)}</head>
<body>
${header("monitor")}
<div class="filters" role="search">
  <input id="f-charger" placeholder="charger" aria-label="filter by charger"><input id="f-upstream" placeholder="backend" aria-label="filter by backend">
  <input id="f-action" placeholder="action" aria-label="filter by action"><input id="f-text" placeholder="text in the frame" aria-label="filter by text">
  <button id="pause">Pause</button><button id="clear">Clear</button><span id="count" class="count"></span>
</div>
<table class="log"><colgroup><col class="time"><col class="charger"><col class="hop"><col class="type"><col class="action"><col class="id"><col class="tags"><col class="ms"></colgroup>
<thead><tr><th id="time-head">time</th><th>charger</th><th>hop</th><th>type</th><th>action</th><th>id</th><th>tags</th><th class="num">ms</th></tr></thead>
<tbody id="rows"></tbody></table>
<script>${MONITOR_SCRIPT}</script></body></html>`;

// src/web/ui/chart.ts
var CHART_SCRIPT = `
  function niceStep(range, count) {
    const raw = range / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
    return step || power * 10;
  }
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60000);

  /**
   * series: [{ label, color, axis: 'left' | 'right', unit, format(v), values: [[t, v], ...], area }]
   * Returns a div.chart; it draws itself once it has a width and again when that changes.
   */
  function timeChart(series, options) {
    const height = (options && options.height) || 200;
    const box = el('div', { class: 'chart', 'data-chart': (options && options.name) || '' });
    const tip = el('div', { class: 'chart-tip', 'aria-live': 'polite' }, '');
    const legend = el('div', { class: 'legend' }, ...series.map((s) => { const item = el('span', {}, s.label + (s.unit ? ' (' + s.unit + ')' : '')); item.style.setProperty('--swatch', s.color); return item; }));
    const holder = el('div', {});
    box.append(holder, legend, tip);
    const all = series.flatMap((s) => s.values.filter((p) => p[1] !== null && p[1] !== undefined && Number.isFinite(p[1])));
    if (all.length === 0) { holder.append(el('div', { class: 'empty small' }, (options && options.empty) || 'no meter values yet')); return box; }
    let drawnWidth = 0;
    const draw = (width) => {
      if (width < 50 || Math.abs(width - drawnWidth) < 2) return;
      drawnWidth = width;
      const right = series.some((s) => s.axis === 'right');
      const m = { left: 46, right: right || (options && options.alignRight) ? 52 : 14, top: 22, bottom: 24 };
      const w = width - m.left - m.right;
      const h = height - m.top - m.bottom;
      let t0 = Math.min(...all.map((p) => p[0])), t1 = Math.max(...all.map((p) => p[0]));
      if (t1 - t0 < 60000) { t0 -= 30000; t1 += 30000; }
      const x = (t) => m.left + ((t - t0) / (t1 - t0)) * w;
      const axes = {};
      for (const side of ['left', 'right']) {
        const values = series.filter((s) => (s.axis || 'left') === side).flatMap((s) => s.values.map((p) => p[1]).filter((v) => v !== null && v !== undefined && Number.isFinite(v)));
        if (values.length === 0) continue;
        const max = Math.max(0, ...values), min = Math.min(0, ...values);
        const step = niceStep((max - min) || 1, 4);
        const top = Math.ceil(max / step) * step || step, bottom = Math.floor(min / step) * step;
        axes[side] = { step, top, bottom, y: (v) => m.top + h - ((v - bottom) / (top - bottom)) * h };
      }
      const svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-label': series.map((s) => s.label).join(', ') });
      const left = axes.left || axes.right;
      for (let v = left.bottom; v <= left.top + left.step / 2; v += left.step) {
        const y = left.y(v);
        svg.append(svgEl('line', { class: 'grid', x1: m.left, x2: m.left + w, y1: y, y2: y }));
        svg.append(svgEl('text', { x: m.left - 6, y: y + 4, 'text-anchor': 'end' }, String(+v.toFixed(2))));
      }
      if (axes.left && axes.right) {
        for (let v = axes.right.bottom; v <= axes.right.top + axes.right.step / 2; v += axes.right.step) {
          svg.append(svgEl('text', { x: m.left + w + 6, y: axes.right.y(v) + 4 }, String(+v.toFixed(2))));
        }
      }
      const unitOf = (side) => { const s = series.find((s) => (s.axis || 'left') === side); return s ? s.unit : ''; };
      if (axes.left) svg.append(svgEl('text', { x: m.left - 6, y: m.top - 12, 'text-anchor': 'end' }, unitOf('left')));
      if (axes.left && axes.right) svg.append(svgEl('text', { x: m.left + w + 6, y: m.top - 12 }, unitOf('right')));
      const step = TIME_STEPS.find((s) => (t1 - t0) / s <= Math.max(2, w / 90)) || TIME_STEPS[TIME_STEPS.length - 1];
      const multiDay = !sameDay(new Date(t0), new Date(t1));
      for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
        const label = multiDay && step >= 86400000 ? new Date(t).toLocaleDateString([], { day: 'numeric', month: 'short' }) : fmtClock(t);
        svg.append(svgEl('text', { x: x(t), y: height - 6, 'text-anchor': 'middle' }, label));
      }
      for (const s of series) {
        const axis = axes[s.axis || 'left'];
        let d = '', open = false, first = null, last = null;
        for (const [t, v] of s.values) {
          if (v === null || v === undefined || !Number.isFinite(v)) { open = false; continue; }
          d += (open ? 'L' : 'M') + x(t).toFixed(1) + ' ' + axis.y(v).toFixed(1);
          open = true; if (first === null) first = t; last = t;
        }
        if (s.area && first !== null) {
          svg.append(svgEl('path', { d: d + 'L' + x(last).toFixed(1) + ' ' + axis.y(0) + 'L' + x(first).toFixed(1) + ' ' + axis.y(0) + 'Z', fill: s.color, 'fill-opacity': '0.15', stroke: 'none' }));
        }
        svg.append(svgEl('path', { d, fill: 'none', stroke: s.color, 'stroke-width': '2', 'stroke-linejoin': 'round', 'data-series': s.label }));
      }
      const cursor = svgEl('line', { class: 'cursor', y1: m.top, y2: m.top + h, visibility: 'hidden' });
      const overlay = svgEl('rect', { x: m.left, y: m.top, width: w, height: h, fill: 'transparent' });
      const times = [...new Set(all.map((p) => p[0]))].sort((a, b) => a - b);
      const readout = (event) => {
        const bounds = svg.getBoundingClientRect();
        const t = t0 + ((event.clientX - bounds.left) * (width / bounds.width) - m.left) / w * (t1 - t0);
        let nearest = times[0];
        for (const time of times) if (Math.abs(time - t) < Math.abs(nearest - t)) nearest = time;
        cursor.setAttribute('x1', x(nearest)); cursor.setAttribute('x2', x(nearest)); cursor.setAttribute('visibility', 'visible');
        const parts = series.map((s) => { const p = s.values.find((p) => p[0] === nearest); return p && p[1] !== null && p[1] !== undefined ? s.label + ' ' + s.format(p[1]) : null; }).filter(Boolean);
        tip.textContent = fmtClock(nearest, true) + ' \xB7 ' + parts.join(' \xB7 ');
      };
      overlay.addEventListener('pointermove', readout);
      overlay.addEventListener('pointerdown', readout);
      overlay.addEventListener('pointerleave', () => { cursor.setAttribute('visibility', 'hidden'); tip.textContent = ''; });
      svg.append(cursor, overlay);
      holder.replaceChildren(svg);
    };
    new ResizeObserver((entries) => draw(Math.floor(entries[0].contentRect.width))).observe(holder);
    return box;
  }

  /** The power/energy chart and the per-phase current chart of a series from the API ({columns, points}). */
  function sessionCharts(data, options) {
    const points = (data && data.points) || [];
    const firstEnergy = points.map((p) => p[2]).find((v) => v !== null && v !== undefined);
    const energy = points.map((p) => [p[0], p[2] === null || p[2] === undefined || firstEnergy === undefined ? null : (p[2] - firstEnergy) / 1000]);
    const power = points.map((p) => [p[0], p[1] === null || p[1] === undefined ? null : p[1] / 1000]);
    const styles = getComputedStyle(document.documentElement);
    const color = (name) => styles.getPropertyValue(name).trim() || '#888';
    const wrap = el('div', { class: 'charts' },
      timeChart([
        { label: 'Power', unit: 'kW', axis: 'left', color: color('--c1'), area: true, values: power, format: (v) => v.toFixed(2) + ' kW' },
        { label: 'Energy', unit: 'kWh', axis: 'right', color: color('--c2'), values: energy, format: (v) => v.toFixed(2) + ' kWh' },
      ], { name: 'power', height: (options && options.height) || 200, empty: options && options.empty }));
    if (points.some((p) => [p[3], p[4], p[5]].some((v) => v !== null && v !== undefined))) {
      wrap.append(timeChart(['L1', 'L2', 'L3'].map((label, i) => ({ label: 'Current ' + label, unit: 'A', axis: 'left', color: color(['--c1', '--c4', '--c3'][i]), values: points.map((p) => [p[0], p[3 + i] === undefined ? null : p[3 + i]]), format: (v) => v.toFixed(1) + ' A' })),
        { name: 'phases', height: 130, alignRight: true }));
    }
    return wrap;
  }
`;

// src/web/ui/commands.ts
var COMMANDS_SCRIPT = `
  /** Actions that change the charger: the page asks before sending them. */
  const CONFIRMED = new Set(['Reset', 'UnlockConnector', 'RemoteStartTransaction', 'RemoteStopTransaction', 'RequestStartTransaction', 'RequestStopTransaction', 'ChangeAvailability', 'ChangeConfiguration', 'SetVariables']);

  function commandSpecs(charger) {
    const v16 = charger.protocol === 'ocpp1.6';
    const tx = charger.transaction && charger.transaction.id;
    const id = charger.id;
    return [
      { key: 'Reset', title: 'Reset', noun: 'reset', fields: [{ name: 'type', label: 'Kind', options: v16 ? ['Soft', 'Hard'] : ['OnIdle', 'Immediate'] }],
        call: (f) => ['Reset', { type: f.type }],
        confirm: (f) => 'Reset charger ' + id + ' (' + f.type + ')? It restarts; a running session may stop.' },
      { key: 'Unlock', title: 'Unlock connector', noun: 'unlock', fields: [{ name: 'connector', label: 'Connector', type: 'number', value: '1' }],
        call: (f) => ['UnlockConnector', v16 ? { connectorId: Number(f.connector) } : { evseId: Number(f.connector), connectorId: 1 }],
        confirm: (f) => 'Unlock connector ' + f.connector + ' of ' + id + '? A running session on it stops.' },
      { key: 'Remote start', title: 'Start charging', noun: 'remote start', fields: [{ name: 'connector', label: 'Connector', type: 'number', value: '1' }, { name: 'tag', label: 'Tag', value: 'PROXY' }],
        call: (f) => v16 ? ['RemoteStartTransaction', { connectorId: Number(f.connector), idTag: f.tag }]
          : ['RequestStartTransaction', { evseId: Number(f.connector), remoteStartId: Math.floor(Math.random() * 2147483646) + 1, idToken: { idToken: f.tag, type: 'Central' } }],
        confirm: (f) => 'Start charging on connector ' + f.connector + ' of ' + id + ' with tag ' + f.tag + '?' },
      { key: 'Remote stop', title: 'Stop charging', noun: 'remote stop', fields: [{ name: 'transaction', label: 'Transaction', value: tx || '', sync: 'transaction' }],
        call: (f) => v16 ? ['RemoteStopTransaction', { transactionId: Number(f.transaction) }] : ['RequestStopTransaction', { transactionId: String(f.transaction) }],
        confirm: (f) => 'Stop transaction ' + f.transaction + ' on ' + id + '?' },
      { key: 'Availability', title: 'Change availability', noun: 'availability change', fields: [{ name: 'connector', label: 'Connector (0: all)', type: 'number', value: '0' }, { name: 'type', label: 'Make it', options: ['Operative', 'Inoperative'] }],
        call: (f) => v16 ? ['ChangeAvailability', { connectorId: Number(f.connector), type: f.type }]
          : ['ChangeAvailability', Number(f.connector) === 0 ? { operationalStatus: f.type } : { operationalStatus: f.type, evse: { id: Number(f.connector) } }],
        confirm: (f) => 'Make ' + (Number(f.connector) === 0 ? 'charger ' + id : 'connector ' + f.connector + ' of ' + id) + ' ' + f.type + '?' },
      { key: 'Change configuration', title: 'Change configuration', noun: 'configuration change',
        fields: v16 ? [{ name: 'key', label: 'Key', value: 'HeartbeatInterval' }, { name: 'value', label: 'Value', value: '300' }]
          : [{ name: 'component', label: 'Component', value: 'OCPPCommCtrlr' }, { name: 'key', label: 'Variable', value: 'HeartbeatInterval' }, { name: 'value', label: 'Value', value: '300' }],
        call: (f) => v16 ? ['ChangeConfiguration', { key: f.key, value: f.value }]
          : ['SetVariables', { setVariableData: [{ component: { name: f.component }, variable: { name: f.key }, attributeValue: f.value }] }],
        confirm: (f) => 'Set ' + f.key + ' = ' + f.value + ' on ' + id + '?' },
      { key: 'Get configuration', title: 'Read configuration', noun: 'request', fields: v16 ? [{ name: 'key', label: 'Key (empty: all)', value: '' }] : [{ name: 'component', label: 'Component', value: 'OCPPCommCtrlr' }, { name: 'key', label: 'Variable', value: 'HeartbeatInterval' }],
        call: (f) => v16 ? ['GetConfiguration', f.key ? { key: [f.key] } : {}] : ['GetVariables', { getVariableData: [{ component: { name: f.component }, variable: { name: f.key } }] }] },
      { key: 'Trigger', title: 'Ask for a message', noun: 'trigger', fields: [{ name: 'message', label: 'Message', options: v16 ? ['StatusNotification', 'MeterValues', 'Heartbeat', 'BootNotification'] : ['StatusNotification', 'MeterValues', 'Heartbeat', 'BootNotification', 'TransactionEvent'] }],
        call: (f) => ['TriggerMessage', { requestedMessage: f.message }] },
    ];
  }

  /** The charger's answer to a command, as a sentence. */
  function answerSentence(spec, reply) {
    if (!reply.ok) {
      if (reply.status === 504) return ['bad', 'No answer from the charger in time (' + (reply.body.error || 'timeout') + ').'];
      if (reply.status === 404) return ['bad', 'Not sent: the charger is not connected.'];
      return ['bad', 'Not sent (' + reply.status + '): ' + (reply.body.error || 'refused') + '.'];
    }
    const { result, payload } = reply.body;
    if (result === 'CALLERROR') return ['bad', 'The charger answered the ' + spec.noun + ' with an error' + (reply.body.error_code ? ': ' + reply.body.error_code : '') + '.'];
    const p = payload || {};
    if (Array.isArray(p.configurationKey)) return ['ok', 'The charger sent ' + p.configurationKey.length + ' setting' + (p.configurationKey.length === 1 ? '' : 's') + (p.unknownKey && p.unknownKey.length ? '; it does not know ' + p.unknownKey.join(', ') : '') + '.'];
    if (Array.isArray(p.getVariableResult)) return ['ok', p.getVariableResult.map((r) => (r.variable && r.variable.name) + ': ' + (r.attributeStatus === 'Accepted' ? r.attributeValue : r.attributeStatus)).join(', ')];
    if (Array.isArray(p.setVariableResult)) return answerStatus(spec, p.setVariableResult[0] && p.setVariableResult[0].attributeStatus);
    return answerStatus(spec, p.status);
  }
  function answerStatus(spec, status) {
    switch (status) {
      case 'Accepted': return ['ok', 'The charger accepted the ' + spec.noun + '.'];
      case 'Rejected': return ['bad', 'The charger rejected the ' + spec.noun + '.'];
      case 'Scheduled': return ['ok', 'The charger accepted the ' + spec.noun + '; it follows once the charger is idle.'];
      case 'RebootRequired': return ['warn', 'The charger accepted the ' + spec.noun + '; it takes effect after a reboot.'];
      case 'NotSupported': return ['warn', 'The charger does not support this ' + spec.noun + '.'];
      case 'UnknownKey': case 'UnknownVariable': case 'UnknownComponent': return ['warn', 'The charger does not know this setting.'];
      case 'Unlocked': return ['ok', 'The charger unlocked the connector.'];
      case 'UnlockFailed': return ['bad', 'The charger could not unlock the connector.'];
      case 'OngoingAuthorizedTransaction': return ['warn', 'The charger did not unlock: a session is running on it.'];
      case 'UnknownConnector': return ['bad', 'The charger has no such connector.'];
      case undefined: case null: return ['ok', 'The charger answered the ' + spec.noun + '.'];
      default: return ['warn', 'The charger answered the ' + spec.noun + ': ' + status + '.'];
    }
  }

  function commandPanel(charger) {
    const result = el('div', { class: 'result', 'aria-live': 'polite' });
    const buttons = [];
    const synced = [];
    let busy = false;
    async function run(spec, action, payload, label) {
      if (busy) return;
      if (CONFIRMED.has(action) && !window.confirm(label)) { result.replaceChildren(el('p', { class: 'sentence muted' }, 'Not sent.')); return; }
      busy = true;
      buttons.forEach((b) => { b.disabled = true; });
      result.replaceChildren(el('p', { class: 'sentence muted' }, 'Sending ' + action + '\u2026'));
      let reply;
      try { reply = await send('POST', 'api/chargers/' + encodeURIComponent(charger.id) + '/call', { action, payload }); }
      catch (error) { reply = { ok: false, status: 0, body: { error: String(error.message || error) } }; }
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
      const [tone, text] = answerSentence(spec, reply);
      const raw = reply.body.frames ? [reply.body.frames.sent, reply.body.frames.answer].filter(Boolean).map((f) => { try { return JSON.stringify(JSON.parse(f), null, 2); } catch { return f; } }).join('\\n\\n') : JSON.stringify(reply.body, null, 2);
      result.replaceChildren(el('p', { class: 'sentence ' + tone }, text), el('details', {}, el('summary', {}, 'raw frames'), el('pre', { class: 'raw' }, raw)));
    }
    const forms = commandSpecs(charger).map((spec) => {
      const inputs = {};
      const fields = spec.fields.map((f) => {
        const input = f.options ? el('select', { name: f.name }, ...f.options.map((o) => el('option', { value: o }, o)))
          : el('input', { name: f.name, type: f.type || 'text', value: f.value, inputmode: f.type === 'number' ? 'numeric' : undefined, min: f.type === 'number' ? '0' : undefined, size: '10' });
        if (f.sync) synced.push([input, f.sync]);
        inputs[f.name] = input;
        return el('label', {}, el('span', { class: 'small muted' }, f.label), input);
      });
      const button = el('button', { type: 'submit', 'data-command': spec.key, class: spec.confirm ? 'danger' : undefined }, spec.title + (spec.confirm ? '\u2026' : ''));
      buttons.push(button);
      const form = el('form', { class: 'cmd', onsubmit: (event) => {
        event.preventDefault();
        const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
        const [action, payload] = spec.call(values);
        void run(spec, action, payload, spec.confirm ? spec.confirm(values) : '');
      } }, el('div', { class: 'cmd-title' }, spec.title), ...fields, button);
      return form;
    });
    const action = el('input', { name: 'action', size: '22', 'aria-label': 'action', placeholder: 'e.g. GetCompositeSchedule' });
    const payload = el('textarea', { name: 'payload', rows: '3', 'aria-label': 'payload (JSON)', placeholder: '{ }' });
    const anyButton = el('button', { type: 'submit', 'data-command': 'any' }, 'Send\u2026');
    buttons.push(anyButton);
    const any = el('details', { class: 'any-call' }, el('summary', {}, 'Any OCPP call (for installers)'),
      el('form', { class: 'toolbar', onsubmit: (event) => {
        event.preventDefault();
        let body;
        try { body = JSON.parse(payload.value.trim() || '{}'); } catch (error) { result.replaceChildren(el('p', { class: 'sentence bad' }, 'The payload is not JSON: ' + error.message)); return; }
        const name = action.value.trim();
        void run({ noun: name + ' call' }, name, body, 'Send ' + name + ' to ' + charger.id + '? It may change the charger.');
      } }, el('label', {}, 'Action ', action), el('label', {}, 'Payload ', payload), anyButton));
    const panel = el('div', { class: 'commands-body' }, el('div', { class: 'cmd-grid' }, ...forms), any, result);
    panel.sync = (next) => { for (const [input, key] of synced) if (document.activeElement !== input && key === 'transaction') input.value = (next.transaction && next.transaction.id) || ''; };
    return panel;
  }
`;
var COMMANDS_STYLE = `
  .cmd-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 210px), 1fr)); gap: 10px; margin: 6px 0 10px; }
  .cmd { display: flex; flex-direction: column; gap: 6px; padding: 10px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); }
  .cmd-title { font-weight: 600; }
  .cmd label { display: flex; flex-direction: column; gap: 2px; }
  .cmd input, .cmd select { width: 100%; }
  .cmd button { margin-top: auto; }
  .any-call textarea { width: min(100%, 420px); }
  .any-call form { margin-top: 6px; }
  .result .sentence { margin: 6px 0 2px; font-weight: 600; }
`;

// src/web/ui/overview.ts
var OVERVIEW_STYLE = `
  .homeowner { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
  .homeowner .state { font-weight: 600; }
  .homeowner .group { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .homeowner input { width: 5.5em; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 600px), 1fr)); gap: 14px; margin-bottom: 14px; }
  .card { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 14px 16px; min-width: 0; container-type: inline-size; }
  .card.online { grid-column: 1 / -1; }
  .card.offline { border-style: dashed; }
  .card-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 4px 28px; }
  @container (min-width: 900px) { .card-body { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); } .card-body .panels { margin-top: 14px; } }
  .card-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
  .card-head h2 { font-size: 18px; margin: 0; overflow-wrap: anywhere; }
  .card-head .where { margin-left: auto; }
  .hero { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; margin: 12px 0 8px; }
  .hero .state-label { font-size: 22px; font-weight: 700; }
  .hero .power { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
  .hero .session { flex-basis: 100%; color: var(--muted); }
  .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 250px), 1fr)); gap: 10px 18px; margin-top: 10px; }
  .panel { min-width: 0; }
  .line { margin: 2px 0; overflow-wrap: anywhere; }
  .link-line { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; margin: 3px 0; }
  .phases td, .phases th { padding: 2px 8px 2px 0; border: none; }
  .fix { background: var(--warn-bg); border-radius: 8px; padding: 8px 10px; margin-top: 10px; overflow-wrap: anywhere; }
  .fix.resolved { background: var(--soft); }
  .commands { margin-top: 12px; border-top: 1px solid var(--border); padding-top: 8px; }
  .refusals td { overflow-wrap: anywhere; } .refusals td.nowrap { white-space: nowrap; overflow-wrap: normal; }
  .session-chart h3 { margin-top: 8px; }
  @media (max-width: 640px) {
    .hero .power { font-size: 24px; } .hero .state-label { font-size: 19px; }
    .refusals thead { display: none; }
    .refusals tr { display: block; padding: 6px 0; border-bottom: 1px solid var(--border); }
    .refusals td { display: block; border: none; padding: 1px 0; }
  }
`;
var OVERVIEW_SCRIPT = `
${COMMON_SCRIPT}
${CHART_SCRIPT}
${COMMANDS_SCRIPT}
  const cardsBox = document.getElementById('cards');
  const cards = new Map();
  let latest = null;

  const STATUS_TEXT = {
    Available: ['Ready', 'muted'], Preparing: ['Plugged in', 'warn'], Charging: ['Charging', 'ok'], SuspendedEV: ['Paused by the car', 'warn'],
    SuspendedEVSE: ['Paused by the charger', 'warn'], Finishing: ['Finishing', 'warn'], Reserved: ['Reserved', 'warn'], Unavailable: ['Unavailable', 'bad'],
    Faulted: ['Fault', 'bad'], Occupied: ['Plugged in', 'warn'],
  };
  /** The words for a connector status; a status named like an object's own property finds none. */
  const statusText = (status) => (Object.hasOwn(STATUS_TEXT, status) ? STATUS_TEXT[status] : null);
  const RANK = ['Faulted', 'Charging', 'SuspendedEVSE', 'SuspendedEV', 'Occupied', 'Preparing', 'Finishing', 'Reserved', 'Unavailable', 'Available'];
  function reading(r, name) {
    if (r[name] !== undefined) return r[name];
    const phases = ['L1', 'L2', 'L3'].map((p) => r[name + '.' + p] ?? r[name + '.' + p + '-N']).filter((v) => v !== undefined);
    return phases.length ? phases.reduce((a, b) => a + b, 0) : undefined;
  }
  /** What the charger is doing, in a few words, and the tone of it. */
  function chargerState(c) {
    if (!c.online) return c.last_seen ? ['Offline', 'bad'] : ['Not let in', 'bad'];
    const statuses = Object.entries(c.connectors || {}).filter(([id]) => id !== '0' && id !== '0/0' && id !== ':0').map(([, s]) => s.status);
    const all = statuses.length ? statuses : Object.values(c.connectors || {}).map((s) => s.status);
    const top = RANK.find((s) => all.includes(s)) || all[0];
    if (top === 'Occupied' && c.transaction && (reading(c.readings || {}, 'Power.Active.Import') || 0) > 50) return ['Charging', 'ok'];
    return top ? (statusText(top) || [top, 'muted']) : ['Online', 'ok'];
  }
  function linkText(u) {
    if (u.state === 'open') return ['connected', 'ok'];
    if (u.state === 'connecting') return ['connecting\u2026', 'warn'];
    if (u.state === 'waiting') return ['reconnecting' + (u.reconnect_attempts ? ' (' + u.reconnect_attempts + ' tries)' : ''), 'warn'];
    return [u.state, 'bad'];
  }

  // ---- the homeowner's say -------------------------------------------------------------------
  function overrideSentence(override) {
    if (!override) return 'Normal: the sharing rules decide which backend steers charging.';
    const since = ' (since ' + fmtWhen(override.since) + ')';
    if (override.mode === 'block') return 'Paused: no backend may steer charging' + since + '.';
    if (override.mode === 'allow') return 'Every backend may steer charging' + since + '.';
    if (override.mode === 'give') return 'Only ' + override.to + ' may steer charging' + since + '.';
    return override.mode;
  }
  async function setOverride(body) {
    const reply = body === null ? await send('DELETE', 'api/override') : await send('POST', 'api/override', body);
    document.getElementById('override-result').textContent = reply.ok ? '' : 'Not changed (' + reply.status + '): ' + (reply.body.error || '');
  }
  function homeowner(status) {
    const box = document.getElementById('homeowner');
    box.hidden = !status.sharing;
    if (!status.sharing) return;
    const mode = document.getElementById('override');
    mode.textContent = overrideSentence(status.override);
    mode.dataset.mode = status.override ? status.override.mode : 'none';
    const select = document.getElementById('give-to');
    const backends = status.backends || [];
    if ([...select.options].map((o) => o.value).join() !== backends.join()) select.replaceChildren(...backends.map((name) => el('option', { value: name }, name)));
    const cap = status.homeowner_cap;
    document.getElementById('cap-state').textContent = cap ? 'Cap: ' + cap.limit + ' ' + cap.unit + ' (since ' + fmtWhen(cap.since) + ')' : 'No cap';
    document.getElementById('cap-clear').hidden = !cap;
  }
  document.querySelector('[data-override="block"]').addEventListener('click', () => setOverride({ mode: 'block' }));
  document.querySelector('[data-override="allow"]').addEventListener('click', () => setOverride({ mode: 'allow' }));
  document.querySelector('[data-override="give"]').addEventListener('click', () => setOverride({ mode: 'give', to: document.getElementById('give-to').value }));
  document.querySelector('[data-override="clear"]').addEventListener('click', () => setOverride(null));
  document.getElementById('cap-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const amps = Number(document.getElementById('cap-amps').value);
    if (!(amps >= 0)) { document.getElementById('override-result').textContent = 'The cap is a number of amperes.'; return; }
    void setOverride({ mode: 'limit', amps });
  });
  document.getElementById('cap-clear').addEventListener('click', () => setOverride({ mode: 'none' }));

  // ---- a charger's card ----------------------------------------------------------------------
  function backendsPanel(c) {
    const rows = (c.upstreams || []).map((u) => {
      const [text, tone] = linkText(u);
      return el('div', { class: 'link-line', 'data-upstream': u.name },
        el('span', {}, el('span', { class: 'dot ' + tone }), el('b', {}, u.name), el('span', { class: 'muted small' }, ' ' + u.role)),
        el('span', { class: tone }, text),
        u.latency_ms === null || u.latency_ms === undefined ? null : el('span', { class: 'muted small', title: 'time to answer the charger\\'s latest message' }, u.latency_ms + ' ms'),
        u.backlog ? el('span', { class: 'warn small' }, u.backlog + ' message' + (u.backlog === 1 ? '' : 's') + ' waiting') : el('span', { class: 'muted small' }, 'since ' + fmtWhen(u.since)));
    });
    return el('div', { class: 'panel' }, el('h3', {}, 'Backends'), rows.length ? rows : el('div', { class: 'muted' }, 'none'), configurationLines(c));
  }
  /** [configuration] views of the keys whose views differ: "HA sees 10 s, primary sees 60 s, charger runs at 10 s". */
  function configurationLines(c) {
    return Object.entries(c.configuration || {}).filter(([, k]) => new Set(Object.values(k.views || {})).size > 1).map(([key, k]) => {
      const unit = /Interval$/.test(key) ? ' s' : '';
      const seen = Object.entries(k.views).map(([name, v]) => name + ' sees ' + (v === null ? 'nothing set' : v === '' ? 'none' : v + unit)).join(', ');
      return el('div', { class: 'muted small', 'data-config-key': key }, key + ': ' + seen + ', charger runs at ' + (k.charger ?? k.effective ?? '?') + unit);
    });
  }
  /**
   * The limits in force, the lowest first: the proxy's own merge where the status has one
   * (\`charging\`), else each backend's latest limit and the homeowner's cap.
   */
  function limits(c, cap) {
    const volts = 230, phases = ['L1', 'L2', 'L3'].filter((p) => (c.readings || {})['Current.Import.' + p] > 0.5).length || 3;
    const toAmps = (l) => l.unit === 'W' ? l.value / volts / phases : l.value;
    const merged = Object.values(c.charging || {}).flatMap((byPurpose) => Object.entries(byPurpose || {}).map(([purpose, l]) =>
      ({ from: l.from === 'homeowner' ? 'you (cap)' : l.from, value: l.limit_now, unit: l.unit, purpose, at: null }))).filter((l) => typeof l.value === 'number');
    const list = merged.length ? merged : Object.entries(c.limits || {}).filter(([from]) => from !== 'proxy').map(([from, l]) => ({ from, ...l }));
    if (cap && !merged.length) list.push({ from: 'you (cap)', value: cap.limit, unit: cap.unit, at: cap.since });
    return list.sort((a, b) => toAmps(a) - toAmps(b));
  }
  function controlPanel(c, status) {
    const lines = [];
    const list = limits(c, status.homeowner_cap);
    if (list.length) {
      const [first, ...rest] = list;
      lines.push(el('div', { class: 'line', 'data-limit': first.from }, 'Limit ', el('b', {}, first.value + ' ' + first.unit), ' set by ', el('b', {}, first.from), first.at ? el('span', { class: 'muted small' }, ' \xB7 ' + fmtWhen(first.at)) : ''));
      const current = reading(c.readings || {}, 'Current.Import');
      if (first.unit === 'A' && current !== undefined && c.transaction) lines.push(el('div', { class: 'line muted small' }, 'drawing ' + Math.max(...['L1', 'L2', 'L3'].map((p) => (c.readings || {})['Current.Import.' + p] || 0)).toFixed(1) + ' A per phase of the ' + first.value + ' A allowed'));
      for (const other of rest) lines.push(el('div', { class: 'line muted small' }, other.from + ' asks for ' + other.value + ' ' + other.unit));
    } else {
      lines.push(el('div', { class: 'line' }, 'No limit set: the charger\\'s own maximum'));
    }
    if (c.cap_result && status.homeowner_cap) lines.push(el('div', { class: 'line small ' + (c.cap_result.status === 'Accepted' ? 'muted' : 'warn') }, 'your cap: charger answered ' + c.cap_result.status));
    const control = c.control;
    if (control) {
      if (!control.enabled && !control.override) lines.push(el('div', { class: 'line muted small' }, 'Sharing is off: every backend may send commands.'));
      else lines.push(el('div', { class: 'line' }, 'In control: ', el('b', {}, control.holder || 'nobody'), control.lease_until ? el('span', { class: 'muted small' }, ' until ' + fmtClock(control.lease_until)) : '', control.session_held ? el('span', { class: 'muted small' }, ' for its session') : ''));
      if (control.home_assistant) lines.push(el('div', { class: 'line small ' + (control.home_assistant.blocked ? 'warn' : 'muted') }, 'Home Assistant: ' + control.home_assistant.reason));
      const refused = (control.decisions || []).filter((d) => !d.allowed).slice(-1)[0];
      if (refused) lines.push(el('div', { class: 'line muted small' }, 'last refused: ' + refused.backend + ' ' + refused.action + ' at ' + fmtClock(refused.at) + ' (' + refused.reason + ')'));
    }
    return el('div', { class: 'panel' }, el('h3', {}, 'Who limits charging'), ...lines);
  }
  function lastSessionPanel(c) {
    const last = c.last_session;
    const body = [];
    if (!last) body.push(el('div', { class: 'muted' }, 'No session has ended since the proxy started.'), el('a', { href: 'sessions?charger=' + encodeURIComponent(c.id), class: 'small' }, 'past sessions'));
    else {
      body.push(el('div', { class: 'line' }, 'Ended ', timeEl(last.ended_at), last.energy_kwh !== null && last.energy_kwh !== undefined ? ' \xB7 ' + last.energy_kwh.toFixed(2) + ' kWh' : '',
        last.transaction ? el('span', { class: 'muted small' }, ' \xB7 transaction ' + last.transaction) : ''));
      const icon = { received: ['\u2713', 'ok'], refused: ['\u2717', 'bad'], sent: ['\u2026', 'warn'], waiting: ['\u2026', 'warn'], 'not sent': ['\u2013', 'muted'] };
      for (const u of last.upstreams) {
        const [mark, tone] = icon[u.state] || ['?', 'muted'];
        body.push(el('div', { class: 'line ' + tone, 'data-delivery': u.upstream, 'data-state': u.state }, mark + ' ' + u.detail));
      }
      body.push(el('a', { href: 'sessions?charger=' + encodeURIComponent(c.id), class: 'small' }, 'all sessions'));
    }
    return el('div', { class: 'panel' }, el('h3', {}, 'Last session'), ...body);
  }
  function connectorsPanel(c) {
    const entries = Object.entries(c.connectors || {});
    return el('div', { class: 'panel' }, el('h3', {}, c.online ? 'Connectors' : 'Connectors when last seen'),
      entries.length ? entries.map(([id, s]) => { const [text, tone] = statusText(s.status) || [s.status, 'muted'];
        return el('div', { class: 'line' }, 'Connector ' + id.replace(/^:/, '') + ' ', el('span', { class: 'pill ' + tone, title: s.status }, text),
          s.errorCode && s.errorCode !== 'NoError' ? el('span', { class: 'bad' }, ' ' + s.errorCode) : '', el('span', { class: 'muted small' }, ' since ' + fmtWhen(s.at))); })
        : el('div', { class: 'muted' }, c.online ? 'no status yet' : 'unknown'));
  }
  function phasesPanel(c) {
    const r = c.readings || {};
    const value = (measurand, p) => r[measurand + '.' + p] ?? r[measurand + '.' + p + '-N'];
    const row = (label, measurand, unit, digits) => ['L1', 'L2', 'L3'].some((p) => value(measurand, p) !== undefined) ? el('tr', {}, el('th', {}, label), ...['L1', 'L2', 'L3'].map((p) =>
      el('td', { class: 'num reading', 'data-measurand': measurand + '.' + p }, fmtNumber(value(measurand, p), digits, unit)))) : null;
    const rows = [row('Current', 'Current.Import', 'A', 1), row('Voltage', 'Voltage', 'V', 1), row('Power', 'Power.Active.Import', 'W', 0)].filter(Boolean);
    if (!rows.length) return null;
    return el('div', { class: 'panel' }, el('h3', {}, 'Per phase'), el('table', { class: 'phases' },
      el('tr', {}, el('th', {}, ''), el('th', { class: 'num' }, 'L1'), el('th', { class: 'num' }, 'L2'), el('th', { class: 'num' }, 'L3')), ...rows),
      c.readings_at ? el('div', { class: 'muted small' }, 'measured ' + fmtAgo(c.readings_at)) : null);
  }
  function refusalBox(c) {
    const r = c.last_refusal;
    if (!r) return null;
    const resolved = c.online && c.connected_since && r.at < c.connected_since;
    return el('div', { class: 'fix' + (resolved ? ' resolved' : ''), 'data-refusal': r.kind },
      el('div', {}, el('b', {}, resolved ? 'Earlier connection problem: ' : 'Why it cannot connect: '), r.reason + ' (HTTP ' + r.status + ', ' + c.refused_attempts + ' attempt' + (c.refused_attempts === 1 ? '' : 's') + ', last ' + fmtWhen(r.at) + ' from ' + r.address + ')'),
      el('div', {}, el('b', {}, 'Try: '), r.fix));
  }
  function hero(c) {
    const [label, tone] = chargerState(c);
    const parts = [el('span', { class: 'state-label ' + tone, 'data-state': label }, label)];
    if (!c.online) {
      parts.push(el('span', { class: 'muted' }, c.last_seen ? 'last seen ' + fmtAgo(c.last_seen) + ' (' + fmtWhen(c.last_seen) + ')' : 'it tried to connect, but has never been let in'));
      return el('div', { class: 'hero' }, ...parts);
    }
    const r = c.readings || {};
    const power = reading(r, 'Power.Active.Import');
    if (power !== undefined) parts.push(el('span', { class: 'power', 'data-power': String(power) }, fmtPower(power)));
    const tx = c.transaction;
    const energy = reading(r, 'Energy.Active.Import.Register');
    if (tx) {
      const used = energy !== undefined && tx.meterStartWh !== null && tx.meterStartWh !== undefined ? energy - tx.meterStartWh : null;
      parts.push(el('span', { class: 'session' }, 'Session ', el('b', { 'data-session-energy': '' }, used === null ? '\u2013' : fmtEnergy(used)),
        ' \xB7 since ', timeEl(tx.startedAt), ' (' + fmtDuration(Date.now() - new Date(tx.startedAt).getTime()) + ')',
        tx.idTag ? ' \xB7 tag ' + tx.idTag : '', tx.owner ? ' \xB7 belongs to ' + tx.owner : ''));
    } else {
      parts.push(el('span', { class: 'session' }, 'No session running' + (energy !== undefined ? ' \xB7 meter ' + fmtEnergy(energy) : '')));
    }
    return el('div', { class: 'hero' }, ...parts);
  }
  function headLine(c) {
    const [, tone] = c.online ? ['', 'ok'] : ['', 'bad'];
    const what = [c.vendor, c.model, c.firmware ? 'firmware ' + c.firmware : null, c.protocol ? c.protocol.replace('ocpp', 'OCPP ') : null].filter(Boolean).join(' \xB7 ');
    return el('div', { class: 'card-head' }, el('h2', {}, el('span', { class: 'dot ' + tone }), c.id),
      el('span', { class: 'muted' }, what || (c.online ? 'no BootNotification yet' : '')),
      el('span', { class: 'where small ' + (c.online ? 'ok' : 'muted') }, c.online ? 'online since ' + fmtWhen(c.connected_since) : 'offline'));
  }

  function chartFor(c, card) {
    const tx = c.transaction && c.transaction.id;
    if (!c.online || !tx) { card.series = null; card.chart.replaceChildren(); return; }
    const key = tx + '|' + c.readings_at;
    if (card.seriesKey === key || card.fetching) return;
    card.fetching = true;
    getJson('api/chargers/' + encodeURIComponent(c.id) + '/series').then((data) => {
      card.seriesKey = key;
      card.chart.replaceChildren(el('h3', {}, 'This session'), sessionCharts(data, { height: 190, empty: 'no meter values in this session yet' }));
    }).catch(() => {}).finally(() => { card.fetching = false; });
  }

  function updateCard(c, status) {
    let card = cards.get(c.id);
    if (!card) {
      card = { root: el('article', { class: 'card', 'data-charger': c.id }), head: el('div', {}), hero: el('div', {}), chart: el('div', { class: 'session-chart' }), panels: el('div', { class: 'panels' }), fix: el('div', {}), commands: null };
      card.root.append(card.head, el('div', { class: 'card-body' }, el('div', {}, card.hero, card.chart), card.panels), card.fix);
      cards.set(c.id, card);
    }
    card.root.classList.toggle('offline', !c.online);
    card.root.classList.toggle('online', c.online);
    card.head.replaceChildren(headLine(c));
    card.hero.replaceChildren(hero(c));
    chartFor(c, card);
    const panels = c.online ? [backendsPanel(c), controlPanel(c, status), lastSessionPanel(c), connectorsPanel(c), phasesPanel(c)]
      : c.last_seen ? [lastSessionPanel(c), connectorsPanel(c)] : [];
    card.panels.replaceChildren(...panels.filter(Boolean));
    card.fix.replaceChildren(...[refusalBox(c)].filter(Boolean));
    if (c.online) {
      if (!card.commands || card.commandsFor !== c.protocol) {
        card.commandsFor = c.protocol;
        card.panel = commandPanel(c);
        // Open on a wide screen; on a phone the commands wait behind their summary.
        card.commands = el('details', { class: 'commands', open: window.matchMedia('(min-width: 700px)').matches }, el('summary', {}, 'Commands'), card.panel);
      }
      card.panel.sync(c);
      if (card.commands.parentNode !== card.root) card.root.append(card.commands);
    } else if (card.commands && card.commands.parentNode) card.commands.remove();
    return card.root;
  }
  /** Chargers refused at the door that never connected: a card each, saying why. */
  function refusedOnly(status, known) {
    const byCharger = new Map();
    for (const r of status.refusals || []) if (r.charger !== null && !known.has(r.charger)) {
      const entry = byCharger.get(r.charger) || { id: r.charger, online: false, last_seen: null, refused_attempts: 0, last_refusal: r, connectors: {}, last_session: null };
      entry.refused_attempts++;
      byCharger.set(r.charger, entry);
    }
    return [...byCharger.values()].slice(0, 6);
  }
  function refusalsTable(status) {
    const box = document.getElementById('refusals');
    const list = status.refusals || [];
    if (!list.length) { box.replaceChildren(el('div', { class: 'muted' }, 'No refused connections since the proxy started.')); return; }
    box.replaceChildren(el('table', { class: 'refusals' },
      el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Charger'), el('th', {}, 'From'), el('th', {}, 'What happened'), el('th', {}, 'What to try'))),
      el('tbody', {}, ...list.map((r) => el('tr', { 'data-refusal': r.kind },
        el('td', { class: 'nowrap' }, timeEl(r.at, fmtWhen(r.at))), el('td', {}, el('b', {}, r.charger === null ? '(no id)' : r.charger)), el('td', { class: 'muted nowrap' }, r.address),
        el('td', { class: 'bad' }, 'HTTP ' + r.status + ': ' + r.reason), el('td', {}, r.fix))))));
  }

  function render(status) {
    latest = status;
    showWarnings(status.warnings);
    homeowner(status);
    const all = [...status.chargers, ...(status.offline || [])];
    const known = new Set(all.map((c) => c.id));
    all.push(...refusedOnly(status, known));
    const roots = all.map((c) => updateCard(c, status));
    for (const [id, card] of cards) if (!all.some((c) => c.id === id)) { card.root.remove(); cards.delete(id); }
    if (roots.length === 0) cardsBox.replaceChildren(el('div', { class: 'empty block' }, 'No charger yet. Point your charger at ws://THIS-HOST:PORT/ID (see the README); it appears here as soon as it connects or is refused.'));
    else if ([...cardsBox.children].map((n) => n.dataset.charger).join('\\u0000') !== all.map((c) => c.id).join('\\u0000')) cardsBox.replaceChildren(...roots);
    refusalsTable(status);
    document.getElementById('zone').textContent = 'Times are local: ' + ZONE_LABEL + '.';
  }
  setInterval(() => { if (latest) render(latest); }, 30000); // "3 min ago" moves on

  const source = new EventSource('api/live');
  source.addEventListener('status', (event) => render(JSON.parse(event.data)));
  source.addEventListener('open', () => setConn(true));
  source.addEventListener('error', () => setConn(false));
`;
var OVERVIEW_HTML = `<!doctype html>
<html lang="en"><head>${head("Overview", STYLE + COMMANDS_STYLE + OVERVIEW_STYLE)}</head>
<body>
${header("overview")}
<main>
<section class="block homeowner" id="homeowner" hidden aria-label="homeowner override">
  <span class="state" id="override" data-mode="none">\u2026</span>
  <span class="group"><button data-override="block">Pause all backends</button>
    <label>Allow only <select id="give-to" aria-label="backend to allow"></select></label><button data-override="give">Allow</button>
    <button data-override="allow">Allow all</button><button data-override="clear">Back to normal</button></span>
  <form class="group" id="cap-form"><label>Cap at <input id="cap-amps" type="number" min="0" max="1000" step="1" value="16" inputmode="numeric"> A</label>
    <button type="submit" data-override="limit">Set cap</button><span id="cap-state" class="muted"></span><button type="button" id="cap-clear" hidden>Remove cap</button></form>
  <span id="override-result" class="bad"></span>
</section>
<div class="cards" id="cards"><div class="empty">waiting for status\u2026</div></div>
<section class="block"><h2>Connection attempts</h2><div id="refusals" class="muted">\u2026</div></section>
<p class="muted small" id="zone"></p>
</main>
<script>${OVERVIEW_SCRIPT}</script></body></html>`;

// src/web/ui/sessions.ts
var SESSIONS_STYLE = `
  .filters-row { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; }
  .totals td.num, .totals th.num { white-space: nowrap; }
  .totals tr.month { cursor: pointer; } .totals tr.month:hover, .totals tr.selected { background: var(--hover); }
  table.sessions tr.row { cursor: pointer; } table.sessions tr.row:hover { background: var(--hover); }
  table.sessions tr.open { background: var(--hover); }
  table.sessions td { overflow-wrap: anywhere; }
  tr.chart-row > td { background: var(--bg); padding: 10px; }
  .session-facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin-bottom: 6px; }
  .scroll { overflow-x: auto; }
  @media (max-width: 700px) {
    table.sessions thead { display: none; }
    table.sessions, table.sessions tbody { display: block; }
    table.sessions tr.row { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 10px; padding: 8px 2px; border-bottom: 1px solid var(--border); }
    table.sessions tr.row td { border: none; padding: 0; }
    table.sessions tr.row td::before { content: attr(data-label); display: block; font-size: 11px; color: var(--muted); }
    table.sessions tr.row td.num { text-align: left; }
    tr.chart-row { display: block; } tr.chart-row > td { display: block; }
  }
`;
var SESSIONS_SCRIPT = `
${COMMON_SCRIPT}
${CHART_SCRIPT}
  const params = new URLSearchParams(location.search);
  const chargerSelect = document.getElementById('charger');
  const monthSelect = document.getElementById('month');
  let sessions = [];

  function startOf(s) { return toDate(s.started_at || s.stopped_at); }
  function monthKey(d) { return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'); }
  function monthLabel(key) { const [y, m] = key.split('-').map(Number); return new Date(y, m - 1, 1).toLocaleDateString([], { month: 'long', year: 'numeric' }); }
  function monthRange(key) { const [y, m] = key.split('-').map(Number); return [new Date(y, m - 1, 1), new Date(y, m, 1)]; }
  function sum(list, field) { const values = list.map((s) => s[field]).filter((v) => v !== null && v !== undefined); return values.length ? values.reduce((a, b) => a + b, 0) : null; }
  function money(v) { return v === null || v === undefined ? '\u2013' : Number(v).toFixed(2); }
  function kwh(v) { return v === null || v === undefined ? '\u2013' : Number(v).toFixed(2) + ' kWh'; }

  function fillSelect(select, values, label, current) {
    const options = [el('option', { value: '' }, label), ...values.map(([value, text]) => el('option', { value }, text))];
    select.replaceChildren(...options);
    select.value = values.some(([value]) => value === current) ? current : '';
  }
  function render() {
    const charger = chargerSelect.value;
    const byCharger = sessions.filter((s) => !charger || s.charger === charger);
    const months = [...new Set(byCharger.map(startOf).filter(Boolean).map(monthKey))].sort().reverse();
    if (monthSelect.value && !months.includes(monthSelect.value)) monthSelect.value = '';
    const month = monthSelect.value;
    fillSelect(monthSelect, months.map((m) => [m, monthLabel(m)]), 'All months', month);
    const shown = byCharger.filter((s) => { const d = startOf(s); return !month || (d && monthKey(d) === month); });
    const query = new URLSearchParams();
    if (charger) query.set('charger', charger);
    if (month) { const [from, to] = monthRange(month); query.set('since', from.toISOString()); query.set('until', to.toISOString()); }
    document.getElementById('csv').setAttribute('href', 'sessions.csv' + (query.toString() ? '?' + query : ''));
    const page = new URLSearchParams();
    if (charger) page.set('charger', charger);
    if (month) page.set('month', month);
    history.replaceState(null, '', location.pathname + (page.toString() ? '?' + page : ''));

    const totals = months.map((m) => { const list = byCharger.filter((s) => { const d = startOf(s); return d && monthKey(d) === m; }); return [m, list]; });
    document.getElementById('totals').replaceChildren(totals.length ? el('table', { class: 'totals' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Month'), el('th', { class: 'num' }, 'Sessions'), el('th', { class: 'num' }, 'Energy'), el('th', { class: 'num' }, 'Revenue'))),
      el('tbody', {}, ...totals.map(([m, list]) => el('tr', { class: 'month' + (m === month ? ' selected' : ''), 'data-month': m, onclick: () => { monthSelect.value = m === month ? '' : m; render(); } },
        el('td', {}, monthLabel(m)), el('td', { class: 'num' }, String(list.length)), el('td', { class: 'num' }, kwh(sum(list, 'energy_kwh'))), el('td', { class: 'num' }, money(sum(list, 'revenue'))))))) :
      el('div', { class: 'muted' }, 'No sessions yet.'));

    const newest = shown.slice().sort((a, b) => (startOf(b) || 0) - (startOf(a) || 0));
    const limited = newest.slice(0, 500);
    const table = el('table', { class: 'sessions' },
      el('thead', {}, el('tr', {}, ...['Started', 'Ended', 'Duration', 'Charger', 'Tag', 'Energy', 'Owner', 'Revenue', 'Stop reason'].map((h, i) => el('th', { class: [5, 7].includes(i) ? 'num' : undefined }, h)))),
      el('tbody', {}, ...limited.map(sessionRow)));
    document.getElementById('list').replaceChildren(limited.length ? table : el('div', { class: 'empty' }, 'No sessions for this choice.'),
      newest.length > limited.length ? el('div', { class: 'muted small' }, 'The latest 500 of ' + newest.length + ' are shown; pick a month for the others.') : '');
    document.getElementById('summary').textContent = shown.length + ' session' + (shown.length === 1 ? '' : 's') + ' \xB7 ' + kwh(sum(shown, 'energy_kwh')) + (sum(shown, 'revenue') !== null ? ' \xB7 revenue ' + money(sum(shown, 'revenue')) : '');
  }
  function sessionRow(s) {
    const start = toDate(s.started_at), stop = toDate(s.stopped_at);
    const tr = el('tr', { class: 'row', 'data-session': String(s.id), tabindex: '0' },
      el('td', { 'data-label': 'Started' }, start ? timeEl(start, start.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })) : '\u2013'),
      el('td', { 'data-label': 'Ended' }, stop ? timeEl(stop, start && sameDay(start, stop) ? fmtClock(stop) : stop.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })) : el('span', { class: 'pill ok' }, 'running')),
      el('td', { 'data-label': 'Duration' }, start && stop ? fmtDuration(stop - start) : start ? fmtDuration(Date.now() - start) : '\u2013'),
      el('td', { 'data-label': 'Charger' }, s.charger),
      el('td', { 'data-label': 'Tag' }, s.id_tag || '\u2013'),
      el('td', { 'data-label': 'Energy', class: 'num' }, kwh(s.energy_kwh)),
      el('td', { 'data-label': 'Owner' }, s.owner),
      el('td', { 'data-label': 'Revenue', class: 'num' }, money(s.revenue)),
      el('td', { 'data-label': 'Stop reason' }, s.stop_reason || ''));
    const toggle = () => {
      const next = tr.nextSibling;
      if (next && next.classList.contains('chart-row')) { next.remove(); tr.classList.remove('open'); return; }
      tr.classList.add('open');
      const cell = el('td', { colspan: '9' }, el('div', { class: 'muted' }, 'loading the chart\u2026'));
      tr.after(el('tr', { class: 'chart-row', 'data-chart-for': String(s.id) }, cell));
      getJson('api/sessions/' + s.id + '/series').then((data) => {
        const facts = el('div', { class: 'session-facts small' },
          el('span', {}, 'Transaction ' + s.charger_tx), el('span', {}, 'Meter ' + (s.meter_start === null ? '\u2013' : fmtEnergy(s.meter_start)) + ' \u2192 ' + (s.meter_stop === null ? '\u2013' : fmtEnergy(s.meter_stop))),
          Object.keys(s.upstream_tx || {}).length ? el('span', {}, 'Backend ids: ' + Object.entries(s.upstream_tx).map(([k, v]) => k + ' ' + v).join(', ')) : null,
          el('span', { class: 'muted' }, data.points.length + ' meter samples kept'));
        cell.replaceChildren(facts, sessionCharts(data, { height: 220, empty: 'The proxy kept no meter values for this session (the charger sent none, or it ran before this version).' }));
      }).catch((error) => cell.replaceChildren(el('div', { class: 'bad' }, 'Chart not available: ' + error.message)));
    };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); } });
    return tr;
  }

  document.getElementById('zone').textContent = 'Times are local: ' + ZONE_LABEL + '.';
  chargerSelect.addEventListener('change', render);
  monthSelect.addEventListener('change', render);
  Promise.all([getJson('api/sessions'), getJson('api/chargers').catch(() => ({ chargers: [] })), getJson('api/status').catch(() => ({}))]).then(([data, chargers, status]) => {
    showWarnings(status.warnings);
    sessions = data.sessions || [];
    const ids = [...new Set(sessions.map((s) => s.charger).concat((chargers.chargers || []).filter((c) => c.last_seen !== null).map((c) => c.id)))].sort();
    fillSelect(chargerSelect, ids.map((id) => [id, id]), 'All chargers', params.get('charger') || '');
    monthSelect.replaceChildren(el('option', { value: params.get('month') || '' }, ''));
    monthSelect.value = params.get('month') || '';
    render();
    const wanted = params.get('session');
    const row = wanted && document.querySelector('tr.row[data-session="' + CSS.escape(wanted) + '"]');
    if (row) row.click();
  }).catch((error) => {
    document.getElementById('list').replaceChildren(el('div', { class: 'bad' }, 'Sessions not available: ' + error.message));
  });
`;
var SESSIONS_HTML = `<!doctype html>
<html lang="en"><head>${head("Sessions", STYLE + SESSIONS_STYLE)}</head>
<body>
${header("sessions")}
<main>
<section class="block">
  <div class="filters-row">
    <label>Charger <select id="charger" aria-label="charger"></select></label>
    <label>Month <select id="month" aria-label="month"></select></label>
    <a id="csv" href="sessions.csv" download>Download CSV</a>
    <span id="summary" class="muted"></span>
  </div>
</section>
<section class="block"><h2>Totals per month</h2><div id="totals" class="scroll muted">\u2026</div></section>
<section class="block"><h2>Sessions</h2><div id="list">\u2026</div><p class="muted small">Click a session for its power, energy and per-phase current.</p></section>
<p class="muted small" id="zone"></p>
</main>
<script>${SESSIONS_SCRIPT}</script></body></html>`;

// src/web/pages.ts
function page(html, script) {
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const csp = `default-src 'self'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
  return { html, csp };
}
var PAGES = {
  monitor: page(MONITOR_HTML, MONITOR_SCRIPT),
  overview: page(OVERVIEW_HTML, OVERVIEW_SCRIPT),
  sessions: page(SESSIONS_HTML, SESSIONS_SCRIPT)
};

// src/web/homeowner-cap.ts
var CAP_PROFILE_ID = 9e5;
var MAX_CHARGERS2 = 1e4;
var HomeownerCapKeeper = class {
  current;
  proxy;
  store;
  logger;
  /** Per charger: the charger's answer to the last cap (or clear) sent. */
  results = /* @__PURE__ */ new Map();
  constructor(proxy, store, logger) {
    this.proxy = proxy;
    this.store = store;
    this.logger = logger;
    this.current = loadHomeownerCap(store);
  }
  get cap() {
    return this.current;
  }
  /** The charger's answer to the last cap sent to it, or null. */
  result(charger) {
    return this.results.get(charger) ?? null;
  }
  /** Sets (or with null removes) the cap, persists it and sends it to every connected charger. */
  async set(cap) {
    const previous = this.current;
    this.current = cap;
    this.store?.setSetting(HOMEOWNER_CAP_SETTING, cap === null ? null : JSON.stringify(cap));
    const sessions2 = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    if (cap === null && previous === null) return;
    await Promise.all(sessions2.map((session) => this.apply(session)));
  }
  /** A charger's boot was accepted: it gets the cap (a charger may forget its profiles on a reboot). */
  observe(entry) {
    if (this.current === null || entry.to !== "charger" || entry.type !== "CALLRESULT" || entry.action !== "BootNotification") return;
    if (!/"status"\s*:\s*"Accepted"/.test(entry.raw)) return;
    const session = this.proxy.sessions.get(entry.charger);
    if (session !== void 0 && session.memory.knownChargingProfiles === null) setTimeout(() => void this.apply(session), 0);
  }
  async apply(session) {
    const merge = session.memory.knownChargingProfiles;
    if (merge !== null) {
      merge.setCap(this.current);
      this.results.set(session.chargerId, { status: "merged", at: (/* @__PURE__ */ new Date()).toISOString() });
      return;
    }
    const [action, payload] = this.current === null ? clearCall(session.protocol) : capCall(session.protocol, this.current);
    let status;
    try {
      const answer = await session.proxyCall(action, payload);
      status = answer.type === "CALLERROR" ? "CallError" : typeof answer.payload?.status === "string" ? answer.payload.status : "answered";
    } catch (error) {
      status = `not sent: ${error.message}`;
    }
    this.results.delete(session.chargerId);
    this.results.set(session.chargerId, { status, at: (/* @__PURE__ */ new Date()).toISOString() });
    if (this.results.size > MAX_CHARGERS2) this.results.delete(this.results.keys().next().value);
    const what = this.current === null ? "homeowner cap removed" : `homeowner cap ${this.current.limit} ${this.current.unit}`;
    if (status === "Accepted" || this.current === null && status === "Unknown") this.logger.info(`${session.chargerId}: ${what}: ${status}`);
    else this.logger.warn(`${session.chargerId}: ${what}: ${status}`);
  }
};
function capFromBody(body2, now = /* @__PURE__ */ new Date()) {
  if (body2.mode === "none") return null;
  const amps = body2.amps;
  const watts = body2.watts;
  if (amps === void 0 === (watts === void 0)) return 'limit needs "amps" or "watts" (one of them)';
  const limit = amps ?? watts;
  if (typeof limit !== "number" || !Number.isFinite(limit) || limit < 0 || limit > (amps !== void 0 ? 1e3 : 1e6)) {
    return `${amps !== void 0 ? "amps" : "watts"} must be a number from 0 to ${amps !== void 0 ? "1000" : "1000000"}`;
  }
  return { limit: Math.round(limit * 10) / 10, unit: amps !== void 0 ? "A" : "W", since: now.toISOString() };
}
function capCall(protocol, cap) {
  const schedule = { startSchedule: new Date(Date.parse(cap.since) - 6e4).toISOString(), chargingRateUnit: cap.unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: cap.limit }] };
  const profile = { stackLevel: 0, chargingProfileKind: "Absolute" };
  return protocol === "ocpp1.6" ? ["SetChargingProfile", { connectorId: 0, csChargingProfiles: { chargingProfileId: CAP_PROFILE_ID, ...profile, chargingProfilePurpose: "ChargePointMaxProfile", chargingSchedule: schedule } }] : ["SetChargingProfile", { evseId: 0, chargingProfile: { id: CAP_PROFILE_ID, ...profile, chargingProfilePurpose: "ChargingStationMaxProfile", chargingSchedule: [{ id: CAP_PROFILE_ID, ...schedule }] } }];
}
function clearCall(protocol) {
  return protocol === "ocpp1.6" ? ["ClearChargingProfile", { id: CAP_PROFILE_ID }] : ["ClearChargingProfile", { chargingProfileId: CAP_PROFILE_ID }];
}

// src/web/command-api.ts
var MAX_BODY = 64 * 1024;
function readBody(request) {
  return new Promise((resolve6, reject) => {
    let size = 0;
    const chunks = [];
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve6(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
function jsonObject(text3) {
  let body2;
  try {
    body2 = JSON.parse(text3);
  } catch (error) {
    return `body is not JSON: ${error.message}`;
  }
  return typeof body2 === "object" && body2 !== null && !Array.isArray(body2) ? body2 : "body must be a JSON object";
}
function commandOf(body2) {
  const { action, payload } = body2;
  if (typeof action !== "string" || !/^[A-Za-z0-9]+$/.test(action) || typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return 'expected {"action": "Name", "payload": {\u2026}}';
  }
  return { action, payload };
}
function overrideOf(body2, names, now = /* @__PURE__ */ new Date()) {
  const { mode, to } = body2;
  if (mode !== "block" && mode !== "allow" && mode !== "give") return "mode must be block, allow, give, limit or none";
  if (mode === "give" && (typeof to !== "string" || !names.includes(to))) return `give needs "to": one of ${names.join(", ")}`;
  return { mode, since: now.toISOString(), ...mode === "give" ? { to } : {} };
}
function commandFrames(recent, chargerId, action) {
  const answer = recent.findLast((e) => e.charger === chargerId && e.from === "charger" && e.to === "proxy" && e.action === action && e.tags.includes("injected"));
  if (answer === void 0) return {};
  const sent = recent.findLast((e) => e.charger === chargerId && e.to === "charger" && e.type === "CALL" && e.id === answer.id);
  let code;
  if (answer.type === "CALLERROR") {
    try {
      code = JSON.parse(answer.raw)[2];
    } catch {
    }
  }
  return { frames: { sent: sent?.raw ?? null, answer: answer.raw }, ...typeof code === "string" ? { error_code: code } : {} };
}

// src/web/charger-directory.ts
var MAX_CHARGERS3 = 1e4;
var STORED_CHARGERS = 1e3;
var REFUSALS_PER_CHARGER = 5;
var ChargerDirectory = class {
  proxy;
  store;
  dashboard;
  /** When each charger last sent a frame, or was last found connected, since start. */
  lastFrame = /* @__PURE__ */ new Map();
  firstSeen = /* @__PURE__ */ new Map();
  dirty = /* @__PURE__ */ new Set();
  /** What the store knew at start, and what was written since. */
  stored = /* @__PURE__ */ new Map();
  constructor(proxy, store, dashboard) {
    this.proxy = proxy;
    this.store = store;
    this.dashboard = dashboard;
    for (const row of store?.chargersSeen(STORED_CHARGERS) ?? []) this.stored.set(row.charger, row);
  }
  observe(entry) {
    if (entry.from === "charger") this.seen(entry.charger, entry.ts);
  }
  seen(charger, at2) {
    if (!this.lastFrame.has(charger) && this.lastFrame.size >= MAX_CHARGERS3) {
      const oldest = this.lastFrame.keys().next().value;
      this.lastFrame.delete(oldest);
      this.firstSeen.delete(oldest);
    }
    this.lastFrame.delete(charger);
    this.lastFrame.set(charger, at2);
    if (!this.firstSeen.has(charger)) this.firstSeen.set(charger, at2);
    this.dirty.add(charger);
  }
  /** The chargers connected now count as seen now: one that goes away was last seen then (to a few seconds). */
  online(now) {
    const ids = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null).map((s) => s.chargerId);
    for (const id of ids) this.seen(id, now.toISOString());
    return ids;
  }
  /** Writes the chargers seen since the last flush (the web server calls this every few seconds). */
  flush(now = /* @__PURE__ */ new Date()) {
    this.online(now);
    if (this.store === null || this.dirty.size === 0) return;
    const rows = [];
    for (const id of this.dirty) {
      const view = this.dashboard.chargers.get(id);
      const session = this.proxy.sessions.get(id);
      const lastSeen = session !== void 0 && !session.isEnded ? now.toISOString() : this.lastFrame.get(id) ?? now.toISOString();
      const row = {
        charger: id,
        first_seen: this.stored.get(id)?.first_seen ?? this.firstSeen.get(id) ?? lastSeen,
        last_seen: lastSeen,
        protocol: session?.protocol ?? null,
        vendor: view?.vendor ?? null,
        model: view?.model ?? null,
        firmware: view?.firmware ?? null
      };
      rows.push(row);
      const known = this.stored.get(id);
      this.stored.delete(id);
      this.stored.set(id, {
        ...row,
        protocol: row.protocol ?? known?.protocol ?? null,
        vendor: row.vendor ?? known?.vendor ?? null,
        model: row.model ?? known?.model ?? null,
        firmware: row.firmware ?? known?.firmware ?? null
      });
      if (this.stored.size > STORED_CHARGERS) this.stored.delete(this.stored.keys().next().value);
    }
    this.dirty.clear();
    this.store.saveChargersSeen(rows, STORED_CHARGERS);
  }
  /** One charger as the pages show it, or null when nothing is known of it. */
  summary(id, now = /* @__PURE__ */ new Date()) {
    const session = this.proxy.sessions.get(id);
    const online = session !== void 0 && !session.isEnded && session.connectedSince !== null;
    const view = this.dashboard.chargers.get(id);
    const stored = this.stored.get(id);
    const memory = this.proxy.memories.get(id);
    const refusals = this.proxy.refusals.forCharger(id);
    if (!online && view === void 0 && stored === void 0 && memory === void 0 && refusals === void 0 && !this.lastFrame.has(id)) return null;
    const lastFrame = this.lastFrame.get(id) ?? null;
    return {
      id,
      online,
      connected_since: online ? session.connectedSince?.toISOString() ?? null : null,
      last_seen: online ? now.toISOString() : latest(lastFrame, stored?.last_seen ?? null),
      first_seen: stored?.first_seen ?? this.firstSeen.get(id) ?? null,
      protocol: session?.protocol ?? stored?.protocol ?? null,
      vendor: view?.vendor ?? memory?.vendor ?? stored?.vendor ?? null,
      model: view?.model ?? memory?.model ?? stored?.model ?? null,
      firmware: view?.firmware ?? stored?.firmware ?? null,
      refused_attempts: refusals?.refused ?? 0,
      last_refusal: refusals?.last ?? null,
      recent_refusals: refusals === void 0 ? [] : this.proxy.refusals.recent().filter((r) => r.charger === id).slice(-REFUSALS_PER_CHARGER)
    };
  }
  /**
   * Every charger known: online first, then the most recently seen, then those only refused
   * (the most recent refusal first). `refusedOnly: false` leaves out ids that never connected.
   */
  list(options = {}) {
    const now = /* @__PURE__ */ new Date();
    const ids = new Set(this.online(now));
    for (const id of this.proxy.memories.keys()) ids.add(id);
    for (const id of this.stored.keys()) ids.add(id);
    for (const id of this.lastFrame.keys()) ids.add(id);
    if (options.refusedOnly !== false) for (const [id] of this.proxy.refusals.chargers()) ids.add(id);
    const all = [...ids].map((id) => this.summary(id, now)).filter((s) => s !== null);
    const rank = (s) => s.online ? 0 : s.last_seen !== null ? 1 : 2;
    const time2 = (s) => s.last_seen ?? s.last_refusal?.at ?? "";
    return all.sort((a, b) => rank(a) - rank(b) || time2(b).localeCompare(time2(a)) || a.id.localeCompare(b.id));
  }
};
function latest(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

// src/web/dashboard-state.ts
var MAX_CHARGERS4 = 1e4;
var MAX_CONNECTORS = 64;
var MAX_READINGS = 100;
var MAX_LIMIT_SENDERS = 20;
var CHARGER_ACTIONS = /* @__PURE__ */ new Set(["BootNotification", "StatusNotification", "MeterValues", "StartTransaction", "StopTransaction", "TransactionEvent"]);
var DashboardState = class {
  chargers = /* @__PURE__ */ new Map();
  /** The last charger Call id folded in per charger: a Call logged once per hop is read once. */
  lastCall = /* @__PURE__ */ new Map();
  apply(entry) {
    const { action } = entry;
    if (action === null) return false;
    if (entry.from === "charger" && entry.type === "CALL" && CHARGER_ACTIONS.has(action)) {
      if (this.lastCall.get(entry.charger) === entry.id) return false;
      this.lastCall.set(entry.charger, entry.id);
      const payload = payloadOf(entry.raw, 3);
      if (payload !== null) this.chargerCall(this.view(entry.charger), action, payload, entry.ts);
      return payload !== null;
    }
    if (entry.to === "charger" && entry.type === "CALLRESULT" && action === "StartTransaction") {
      const payload = payloadOf(entry.raw, 2);
      const view = this.view(entry.charger);
      if (payload !== null && view.transaction !== null) view.transaction.id = String(payload.transactionId);
      return true;
    }
    if (entry.to === "charger" && entry.type === "CALL" && action === "SetChargingProfile") {
      const payload = payloadOf(entry.raw, 3);
      const limit = payload === null ? null : firstLimit(payload);
      if (limit === null) return false;
      const view = this.view(entry.charger);
      view.limit = { value: limit.value, unit: limit.unit, by: entry.from, at: entry.ts };
      if (view.limits[entry.from] !== void 0 || Object.keys(view.limits).length < MAX_LIMIT_SENDERS) view.limits[entry.from] = { ...limit, at: entry.ts };
      return true;
    }
    if (entry.to === "charger" && entry.type === "CALL" && action === "ClearChargingProfile") {
      const view = this.chargers.get(entry.charger);
      if (view === void 0 || view.limits[entry.from] === void 0) return false;
      delete view.limits[entry.from];
      if (view.limit?.by === entry.from) view.limit = null;
      return true;
    }
    return false;
  }
  view(charger) {
    let view = this.chargers.get(charger);
    if (view === void 0) {
      view = { vendor: null, model: null, firmware: null, connectors: /* @__PURE__ */ Object.create(null), transaction: null, readings: /* @__PURE__ */ Object.create(null), readingsAt: null, limit: null, limits: {} };
      if (this.chargers.size >= MAX_CHARGERS4) {
        const oldest = this.chargers.keys().next().value;
        this.chargers.delete(oldest);
        this.lastCall.delete(oldest);
      }
      this.chargers.set(charger, view);
    }
    return view;
  }
  chargerCall(view, action, p, ts) {
    switch (action) {
      case "BootNotification": {
        const station = p.chargingStation ?? {};
        view.vendor = text2(p.chargePointVendor ?? station.vendorName);
        view.model = text2(p.chargePointModel ?? station.model);
        view.firmware = text2(p.firmwareVersion ?? station.firmwareVersion);
        return;
      }
      case "StatusNotification": {
        const connector = p.evseId === void 0 ? String(p.connectorId) : `${String(p.evseId)}/${String(p.connectorId)}`;
        if (view.connectors[connector] === void 0 && Object.keys(view.connectors).length >= MAX_CONNECTORS) return;
        view.connectors[connector] = { status: text2(p.status ?? p.connectorStatus) ?? "?", errorCode: text2(p.errorCode), at: ts };
        return;
      }
      case "StartTransaction":
        view.transaction = { id: null, idTag: text2(p.idTag), connector: String(p.connectorId), startedAt: text2(p.timestamp) ?? ts, meterStartWh: num3(p.meterStart) };
        return;
      case "StopTransaction":
        view.transaction = null;
        this.readings(view, p.transactionData ?? [], ts);
        return;
      case "MeterValues":
        this.readings(view, p.meterValue ?? [], ts);
        return;
      case "TransactionEvent": {
        const info = p.transactionInfo ?? {};
        const token = text2((p.idToken ?? {}).idToken);
        if (p.eventType === "Ended") view.transaction = null;
        else if (view.transaction === null || view.transaction.id !== String(info.transactionId)) {
          view.transaction = { id: String(info.transactionId), idTag: token, connector: text2(String((p.evse ?? {}).id ?? "")), startedAt: text2(p.timestamp) ?? ts, meterStartWh: null };
        } else if (token !== null) view.transaction.idTag = token;
        this.readings(view, p.meterValue ?? [], ts);
        return;
      }
    }
  }
  readings(view, meterValues, ts) {
    for (const meterValue of Array.isArray(meterValues) ? meterValues : []) {
      if (typeof meterValue !== "object" || meterValue === null) continue;
      for (const sample of Array.isArray(meterValue.sampledValue) ? meterValue.sampledValue : []) {
        if (typeof sample !== "object" || sample === null) continue;
        const raw = typeof sample.value === "number" ? sample.value : Number(sample.value);
        if (!Number.isFinite(raw)) continue;
        const measurand = text2(sample.measurand) ?? "Energy.Active.Import.Register";
        const unit = text2(sample.unit) ?? text2((sample.unitOfMeasure ?? {}).unit);
        const value = unit === "kW" || unit === "kWh" || unit === "kvar" ? raw * 1e3 : raw;
        const phase = text2(sample.phase);
        const key2 = phase === null ? measurand : `${measurand}.${phase}`;
        if (view.readings[key2] === void 0 && Object.keys(view.readings).length >= MAX_READINGS) continue;
        view.readings[key2] = value;
        view.readingsAt = text2(meterValue.timestamp) ?? ts;
        if (measurand === "Energy.Active.Import.Register" && view.transaction !== null && view.transaction.meterStartWh === null) {
          view.transaction.meterStartWh = value;
        }
      }
    }
  }
};
function firstLimit(p) {
  const profiles = p.csChargingProfiles ?? p.chargingProfile;
  const profile = profiles ?? {};
  const schedules = profile.chargingSchedule;
  const schedule = Array.isArray(schedules) ? schedules[0] : schedules;
  const period = Array.isArray(schedule?.chargingSchedulePeriod) ? schedule.chargingSchedulePeriod[0] : void 0;
  const value = num3(period?.limit);
  return value === null ? null : { value, unit: text2(schedule?.chargingRateUnit) ?? "?", purpose: text2(profile.chargingProfilePurpose) };
}
function payloadOf(raw, index) {
  try {
    const frame = JSON.parse(raw);
    const payload = frame[index];
    return typeof payload === "object" && payload !== null ? payload : null;
  } catch {
    return null;
  }
}
function text2(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
function num3(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

// src/web/delivery.ts
var MAX_CHARGERS5 = 1e4;
var DeliveryTracker = class {
  endings = /* @__PURE__ */ new Map();
  /** Totals told before the Call's log line was taken (events are sent at once, lines at the end of the turn). */
  early = /* @__PURE__ */ new Map();
  observe(entry) {
    if (entry.from === "charger" && entry.type === "CALL" && entry.to !== "proxy" && entry.id !== null && endsSession(entry)) {
      let ending = this.endings.get(entry.charger);
      if (ending === void 0 || ending.callId !== entry.id) {
        const { transaction, at: at2 } = endOf(entry.raw);
        const told = this.early.get(entry.charger);
        const totals = told?.transaction === transaction ? told : { energyKwh: null, revenue: null };
        this.early.delete(entry.charger);
        ending = { transaction, endedAt: at2 ?? entry.ts, callId: entry.id, receivedAt: Date.parse(entry.ts), sent: /* @__PURE__ */ new Map(), answered: /* @__PURE__ */ new Map(), energyKwh: totals.energyKwh, revenue: totals.revenue };
        this.endings.delete(entry.charger);
        this.endings.set(entry.charger, ending);
        if (this.endings.size > MAX_CHARGERS5) this.endings.delete(this.endings.keys().next().value);
      }
      ending.sent.set(entry.to, entry.ts);
      return;
    }
    if ((entry.type === "CALLRESULT" || entry.type === "CALLERROR") && entry.from !== "charger" && entry.from !== "proxy") {
      const ending = this.endings.get(entry.charger);
      if (ending === void 0 || ending.callId !== entry.id || !ending.sent.has(entry.from)) return;
      ending.answered.set(entry.from, { at: entry.ts, ok: entry.type === "CALLRESULT", error: entry.type === "CALLERROR" ? errorCodeOf(entry.raw) : null });
    }
  }
  /** The session's totals, as the proxy recorded them (the `transaction_stopped` charger event). */
  recorded(charger, transaction, energyKwh, revenue) {
    const ending = this.endings.get(charger);
    if (ending === void 0 || ending.transaction !== transaction) {
      this.early.delete(charger);
      this.early.set(charger, { transaction, energyKwh, revenue });
      if (this.early.size > MAX_CHARGERS5) this.early.delete(this.early.keys().next().value);
      return;
    }
    ending.energyKwh = energyKwh;
    ending.revenue = revenue;
  }
  /**
   * The charger's last session end and where it went, for the upstreams of its current (or last)
   * connection. `outboxes`: the upstreams whose durable outbox holds a Call of this charger.
   */
  describe(charger, links, outboxes = () => []) {
    const ending = this.endings.get(charger);
    if (ending === void 0) return null;
    const kept = outboxes(ending.callId, ending.receivedAt);
    const names = links?.map((l) => l.name) ?? [.../* @__PURE__ */ new Set([...ending.sent.keys(), ...kept])];
    const upstreams = names.map((name) => {
      const link = links?.find((l) => l.name === name);
      const answer = ending.answered.get(name);
      if (answer !== void 0) {
        return answer.ok ? { upstream: name, state: "received", at: answer.at, detail: `${name} received it` } : { upstream: name, state: "refused", at: answer.at, detail: `${name} answered with an error (${answer.error ?? "CallError"})` };
      }
      const sent = ending.sent.get(name);
      if (sent !== void 0) return { upstream: name, state: "sent", at: sent, detail: `sent to ${name}, no answer yet` };
      const inOutbox = kept.includes(name);
      if (inOutbox || link !== void 0 && (link.state !== "open" || link.backlog > 0)) {
        const where = inOutbox ? `kept in ${name}'s outbox` : link.backlog > 0 ? `${link.backlog} message${link.backlog === 1 ? "" : "s"} waiting` : "waiting";
        const why = link === void 0 ? ` until ${name} is back` : `: ${name} is ${link.state === "open" ? "catching up" : "not connected"}`;
        return { upstream: name, state: "waiting", at: null, detail: `${where}${why}` };
      }
      return { upstream: name, state: "not sent", at: null, detail: `not sent to ${name} (not its session)` };
    });
    return { transaction: ending.transaction, ended_at: ending.endedAt, energy_kwh: ending.energyKwh, revenue: ending.revenue, upstreams };
  }
};
function endsSession(entry) {
  if (entry.action === "StopTransaction") return true;
  return entry.action === "TransactionEvent" && /"eventType"\s*:\s*"Ended"/.test(entry.raw);
}
function endOf(raw) {
  try {
    const payload = JSON.parse(raw)[3];
    const id = payload.transactionId ?? payload.transactionInfo?.transactionId;
    const at2 = typeof payload.timestamp === "string" && Number.isFinite(Date.parse(payload.timestamp)) ? new Date(payload.timestamp).toISOString() : null;
    return { transaction: id === void 0 || id === null ? null : String(id), at: at2 };
  } catch {
    return { transaction: null, at: null };
  }
}
function errorCodeOf(raw) {
  try {
    const code = JSON.parse(raw)[2];
    return typeof code === "string" ? code : null;
  } catch {
    return null;
  }
}

// src/web/meter-series.ts
var FLUSH_INTERVAL_MS = 5e3;
var MAX_POINTS_PER_SESSION = 1e3;
var KEEP_DAYS = 400;
var MAX_PENDING = 2e4;
var MAX_OPEN_STARTS = 100;
var PRUNE_EVERY_MS = 60 * 60 * 1e3;
var SERIES_ACTIONS = /* @__PURE__ */ new Set(["MeterValues", "StartTransaction", "StopTransaction", "TransactionEvent"]);
var MeterSeriesRecorder = class {
  store;
  currentTx;
  logger;
  pending = [];
  /** The last charger Call folded in per charger: a Call logged once per hop is read once. */
  lastCall = /* @__PURE__ */ new Map();
  /** 1.6 StartTransaction Calls waiting for the transaction id in their answer: `charger|id`. */
  openStarts = /* @__PURE__ */ new Map();
  timer = null;
  lastPrune = 0;
  failing = false;
  /** `currentTx`: the transaction running on a charger, for MeterValues that name none. */
  constructor(store, currentTx, logger) {
    this.store = store;
    this.currentTx = currentTx;
    this.logger = logger;
  }
  observe(entry) {
    if (this.store === null || entry.action === null || !SERIES_ACTIONS.has(entry.action)) return;
    if (entry.from === "charger" && entry.type === "CALL") {
      if (this.lastCall.get(entry.charger) === entry.id) return;
      this.lastCall.set(entry.charger, entry.id);
      if (this.lastCall.size > 1e4) this.lastCall.delete(this.lastCall.keys().next().value);
      const payload = payloadOf2(entry.raw, 3);
      if (payload !== null) this.chargerCall(entry, entry.action, payload);
    } else if (entry.to === "charger" && entry.type === "CALLRESULT" && entry.action === "StartTransaction") {
      const start = this.openStarts.get(`${entry.charger}|${entry.id}`);
      const payload = payloadOf2(entry.raw, 2);
      if (start === void 0 || payload === null || payload.transactionId === void 0) return;
      this.openStarts.delete(`${entry.charger}|${entry.id}`);
      this.add(entry.charger, String(payload.transactionId), { at: start.at, powerW: null, energyWh: start.energyWh, currentL1: null, currentL2: null, currentL3: null });
    }
  }
  /** A session's series, oldest first: what is stored and what still waits to be. */
  series(charger, chargerTx, from = 0, to = Number.MAX_SAFE_INTEGER) {
    if (this.store === null) return [];
    let stored = [];
    try {
      stored = this.store.meterSamples(charger, chargerTx, from, to);
    } catch (error) {
      this.logger.error(`web: meter series of ${charger} ${chargerTx} not read: ${error.message}`);
    }
    const waiting = this.pending.filter((s) => s.charger === charger && s.chargerTx === chargerTx && s.at >= from && s.at <= to);
    if (waiting.length === 0) return stored;
    const byTime = new Map(stored.map((s) => [s.at, s]));
    for (const s of waiting) byTime.set(s.at, mergeSample(byTime.get(s.at), s));
    return [...byTime.values()].sort((a, b) => a.at - b.at);
  }
  /** Writes what waits in one transaction, thins the sessions it touched, now and then drops old series. */
  flush(now = Date.now()) {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.store === null || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.store.addMeterSamples(batch);
      const touched = new Map(batch.map((s) => [`${s.charger}\0${s.chargerTx}`, s]));
      for (const s of touched.values()) this.store.thinMeterSamples(s.charger, s.chargerTx, MAX_POINTS_PER_SESSION);
      if (now - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = now;
        this.store.pruneMeterSamples(now - KEEP_DAYS * 864e5);
      }
      this.failing = false;
    } catch (error) {
      this.pending = batch.concat(this.pending).slice(-MAX_PENDING);
      if (!this.failing) this.logger.error(`web: meter series not written (retried): ${error.message}`);
      this.failing = true;
      this.schedule(FLUSH_INTERVAL_MS);
    }
  }
  close() {
    this.flush();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
  chargerCall(entry, action, p) {
    const at2 = timeOf(p.timestamp, entry.ts);
    switch (action) {
      case "StartTransaction":
        this.openStarts.set(`${entry.charger}|${entry.id}`, { at: at2, energyWh: num4(p.meterStart) });
        if (this.openStarts.size > MAX_OPEN_STARTS) this.openStarts.delete(this.openStarts.keys().next().value);
        return;
      case "MeterValues": {
        const tx = p.transactionId === void 0 || p.transactionId === null ? this.currentTx(entry.charger) : String(p.transactionId);
        if (tx !== null) this.meterValues(entry, tx, p.meterValue);
        return;
      }
      case "StopTransaction": {
        const tx = String(p.transactionId);
        this.meterValues(entry, tx, p.transactionData);
        const energyWh2 = num4(p.meterStop);
        if (energyWh2 !== null) this.add(entry.charger, tx, { at: at2, powerW: null, energyWh: energyWh2, currentL1: null, currentL2: null, currentL3: null });
        this.flushSoon();
        return;
      }
      case "TransactionEvent": {
        const info = p.transactionInfo ?? {};
        if (info.transactionId === void 0) return;
        this.meterValues(entry, String(info.transactionId), p.meterValue);
        if (p.eventType === "Ended") this.flushSoon();
        return;
      }
    }
  }
  meterValues(entry, chargerTx, meterValues) {
    if (!Array.isArray(meterValues)) return;
    for (const meterValue of meterValues) {
      const point = pointOf(meterValue);
      if (point !== null) this.add(entry.charger, chargerTx, { ...point, at: timeOf(meterValue?.timestamp, entry.ts) });
    }
  }
  add(charger, chargerTx, point) {
    this.pending.push({ charger, chargerTx, ...point });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    this.schedule(FLUSH_INTERVAL_MS);
  }
  /** A session ended: its last points are written once the frame has gone on. */
  flushSoon() {
    this.schedule(0);
  }
  schedule(ms) {
    if (this.timer !== null && ms > 0) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
    this.timer.unref();
  }
};
function pointOf(meterValue) {
  const samples = meterValue?.sampledValue;
  if (!Array.isArray(samples)) return null;
  let powerW = null;
  let energyWh2 = null;
  let phasePower = null;
  let phaseEnergy = null;
  const current = [null, null, null];
  for (const sample of samples) {
    if (typeof sample !== "object" || sample === null) continue;
    if (sample.location === "EV") continue;
    const value = valueOf(sample);
    if (value === null) continue;
    const measurand = typeof sample.measurand === "string" ? sample.measurand : "Energy.Active.Import.Register";
    const phase = typeof sample.phase === "string" ? sample.phase : null;
    if (measurand === "Power.Active.Import") {
      if (phase === null) powerW = value;
      else if (/^L\d(-N)?$/.test(phase)) phasePower = (phasePower ?? 0) + value;
    } else if (measurand === "Energy.Active.Import.Register") {
      if (phase === null) energyWh2 = value;
      else if (/^L\d(-N)?$/.test(phase)) phaseEnergy = (phaseEnergy ?? 0) + value;
    } else if (measurand === "Current.Import") {
      const line = phase === null ? 1 : Number(/^L([123])(-N)?$/.exec(phase)?.[1] ?? 0);
      if (line >= 1 && line <= 3) current[line - 1] = value;
    }
  }
  const point = { powerW: powerW ?? phasePower, energyWh: energyWh2 ?? phaseEnergy, currentL1: current[0], currentL2: current[1], currentL3: current[2] };
  return Object.values(point).every((v) => v === null) ? null : point;
}
function valueOf(sample) {
  const raw = typeof sample.value === "number" ? sample.value : typeof sample.value === "string" ? Number(sample.value) : NaN;
  if (!Number.isFinite(raw)) return null;
  const measure = sample.unitOfMeasure ?? {};
  const unit = typeof sample.unit === "string" ? sample.unit : typeof measure.unit === "string" ? measure.unit : null;
  const multiplier = typeof measure.multiplier === "number" && Number.isInteger(measure.multiplier) ? 10 ** measure.multiplier : 1;
  const kilo = unit === "kW" || unit === "kWh" ? 1e3 : 1;
  return raw * multiplier * kilo;
}
function mergeSample(older, newer) {
  if (older === void 0) return newer;
  return {
    ...newer,
    powerW: newer.powerW ?? older.powerW,
    energyWh: newer.energyWh ?? older.energyWh,
    currentL1: newer.currentL1 ?? older.currentL1,
    currentL2: newer.currentL2 ?? older.currentL2,
    currentL3: newer.currentL3 ?? older.currentL3
  };
}
function timeOf(value, fallback) {
  const at2 = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(at2) ? at2 : Date.parse(fallback);
}
function payloadOf2(raw, index) {
  try {
    const frame = JSON.parse(raw);
    const payload = frame[index];
    return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : null;
  } catch {
    return null;
  }
}
function num4(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

// src/web/runtime-health.ts
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
var RuntimeHealth = class {
  delay;
  gc;
  gcPauses = 0;
  gcSeconds = 0;
  constructor() {
    this.delay = attempt(() => {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      return histogram;
    });
    this.gc = attempt(() => {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          this.gcPauses++;
          this.gcSeconds += entry.duration / 1e3;
        }
      });
      observer.observe({ entryTypes: ["gc"] });
      return observer;
    });
  }
  /** Prometheus lines (with their HELP and TYPE). */
  lines() {
    const out = [];
    if (this.delay !== null) {
      out.push("# HELP ocpp_proxy_event_loop_delay_seconds How late the event loop ran timers since start (p50, p99, max).", "# TYPE ocpp_proxy_event_loop_delay_seconds gauge");
      for (const [quantile, ns] of [["0.5", this.delay.percentile(50)], ["0.99", this.delay.percentile(99)], ["1", this.delay.max]]) {
        out.push(`ocpp_proxy_event_loop_delay_seconds{quantile="${quantile}"} ${(ns / 1e9).toFixed(6)}`);
      }
    }
    if (this.gc !== null) {
      out.push("# HELP ocpp_proxy_gc_pause_seconds_total Time the garbage collector paused the proxy since start.", "# TYPE ocpp_proxy_gc_pause_seconds_total counter");
      out.push(`ocpp_proxy_gc_pause_seconds_total ${this.gcSeconds.toFixed(6)}`);
      out.push("# HELP ocpp_proxy_gc_pauses_total Garbage collector pauses since start.", "# TYPE ocpp_proxy_gc_pauses_total counter");
      out.push(`ocpp_proxy_gc_pauses_total ${this.gcPauses}`);
    }
    return out;
  }
  close() {
    this.delay?.disable();
    this.gc?.disconnect();
  }
};
function attempt(make) {
  try {
    return make();
  } catch {
    return null;
  }
}

// src/web/metrics.ts
var RTT_BUCKETS = [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
var MAX_OPEN_CALLS = 1e4;
var Metrics = class {
  frames = /* @__PURE__ */ new Map();
  tags = /* @__PURE__ */ new Map();
  rtt = /* @__PURE__ */ new Map();
  /** `charger|upstream|id` → when the charger's Call went to that upstream. */
  openCalls = /* @__PURE__ */ new Map();
  /** `charger|upstream` → the latest time from a charger Call to that upstream's answer (ms), for the overview. */
  latestRtt = /* @__PURE__ */ new Map();
  startedAt = Date.now();
  /** Event-loop delay and GC pauses. */
  health = new RuntimeHealth();
  observe(entry) {
    const frameKey = `${entry.from}\0${entry.to}\0${entry.type}\0${actionLabel(entry.action)}`;
    this.frames.set(frameKey, (this.frames.get(frameKey) ?? 0) + 1);
    for (const tag of entry.tags) this.tags.set(tag, (this.tags.get(tag) ?? 0) + 1);
    if (entry.from === "charger" && entry.type === "CALL" && entry.to !== "proxy") {
      if (this.openCalls.size >= MAX_OPEN_CALLS) this.openCalls.delete(this.openCalls.keys().next().value);
      this.openCalls.set(`${entry.charger}|${entry.to}|${entry.id}`, Date.parse(entry.ts));
    } else if (entry.to !== "proxy" || entry.tags.includes("dropped")) {
      if (entry.type !== "CALLRESULT" && entry.type !== "CALLERROR") return;
      const key2 = `${entry.charger}|${entry.from}|${entry.id}`;
      const sentAt = this.openCalls.get(key2);
      if (sentAt === void 0) return;
      this.openCalls.delete(key2);
      const ms = Date.parse(entry.ts) - sentAt;
      this.record(entry.from, ms / 1e3);
      const link = `${entry.charger}|${entry.from}`;
      this.latestRtt.delete(link);
      this.latestRtt.set(link, ms);
      if (this.latestRtt.size > MAX_OPEN_CALLS) this.latestRtt.delete(this.latestRtt.keys().next().value);
    }
  }
  /** How long `upstream` took to answer the charger's latest Call (ms), or null before any answer. */
  latencyMs(charger, upstream) {
    return this.latestRtt.get(`${charger}|${upstream}`) ?? null;
  }
  render(sessions2, outbox = null) {
    const out = [];
    const family = (name, type, help) => out.push(`# HELP ocpp_proxy_${name} ${help}`, `# TYPE ocpp_proxy_${name} ${type}`);
    const list = [...sessions2];
    family("chargers_connected", "gauge", "Chargers with an open connection.");
    out.push(`ocpp_proxy_chargers_connected ${list.length}`);
    family("upstream_link_up", "gauge", "Upstream link state per charger (1 open, 0 otherwise).");
    family("upstream_backlog", "gauge", "Charger frames waiting for an upstream that is away or catching up.");
    family("upstream_reconnect_attempts", "gauge", "Failed reconnect attempts since the link was last open.");
    for (const session of list) {
      for (const link of session.links) {
        const labels = `charger="${esc(session.chargerId)}",upstream="${esc(link.name)}",role="${link.role}"`;
        out.push(`ocpp_proxy_upstream_link_up{${labels}} ${link.isOpen ? 1 : 0}`);
        out.push(`ocpp_proxy_upstream_backlog{${labels}} ${link.catchUp.size}`);
        out.push(`ocpp_proxy_upstream_reconnect_attempts{${labels}} ${link.reconnectAttempts}`);
      }
    }
    family("queued_calls", "gauge", "Upstream and proxy Calls waiting for (or at) the charger.");
    for (const session of list) out.push(`ocpp_proxy_queued_calls{charger="${esc(session.chargerId)}"} ${session.queuedCalls}`);
    family("frames_total", "counter", "Frames per hop, type and action.");
    for (const [key2, count] of this.frames) {
      const [from, to, type, action] = key2.split("\0");
      out.push(`ocpp_proxy_frames_total{from="${esc(from)}",to="${esc(to)}",type="${type}",action="${esc(action)}"} ${count}`);
    }
    for (const tag of ["dropped", "blocked", "fixed", "replayed", "queued", "injected", "filtered"]) {
      family(`${tag}_total`, "counter", `Frames the proxy tagged '${tag}'.`);
      out.push(`ocpp_proxy_${tag}_total ${this.tags.get(tag) ?? 0}`);
    }
    family("call_rtt_seconds", "histogram", "Time from a charger Call to each upstream until its answer.");
    for (const [upstream, h] of this.rtt) {
      RTT_BUCKETS.forEach((le, i) => out.push(`ocpp_proxy_call_rtt_seconds_bucket{upstream="${esc(upstream)}",le="${le}"} ${h.counts[i]}`));
      out.push(`ocpp_proxy_call_rtt_seconds_bucket{upstream="${esc(upstream)}",le="+Inf"} ${h.count}`);
      out.push(`ocpp_proxy_call_rtt_seconds_sum{upstream="${esc(upstream)}"} ${h.sum}`);
      out.push(`ocpp_proxy_call_rtt_seconds_count{upstream="${esc(upstream)}"} ${h.count}`);
    }
    if (outbox !== null) {
      const now = Date.now();
      const stats = outbox.ages(now);
      family("outbox_entries", "gauge", "Transaction Calls an upstream has not answered yet (durable outbox).");
      for (const s of stats) out.push(`ocpp_proxy_outbox_entries{upstream="${esc(s.upstream)}"} ${s.entries}`);
      family("outbox_oldest_seconds", "gauge", "Age of the oldest entry an upstream has not answered.");
      for (const s of stats) out.push(`ocpp_proxy_outbox_oldest_seconds{upstream="${esc(s.upstream)}"} ${s.oldestSeconds}`);
      family("outbox_dropped_total", "counter", "Outbox entries dropped for their age ([host] outbox_days).");
      out.push(`ocpp_proxy_outbox_dropped_total ${outbox.dropped}`);
      family("outbox_refused_total", "counter", "Outbox entries an upstream answered with a CallError.");
      out.push(`ocpp_proxy_outbox_refused_total ${outbox.refused}`);
      family("outbox_write_failures_total", "counter", "Transaction Calls forwarded live whose outbox write failed (disk full, read-only).");
      out.push(`ocpp_proxy_outbox_write_failures_total ${outbox.lost}`);
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    family("process_resident_memory_bytes", "gauge", "Resident memory.");
    out.push(`ocpp_proxy_process_resident_memory_bytes ${memory.rss}`);
    family("process_heap_used_bytes", "gauge", "JavaScript heap in use.");
    out.push(`ocpp_proxy_process_heap_used_bytes ${memory.heapUsed}`);
    family("process_cpu_seconds_total", "counter", "User and system CPU time.");
    out.push(`ocpp_proxy_process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`);
    const resources = process.getActiveResourcesInfo?.() ?? [];
    const byType = /* @__PURE__ */ new Map();
    for (const type of resources) byType.set(type, (byType.get(type) ?? 0) + 1);
    family("process_active_resources", "gauge", "Live handles and timers by type (leak checks).");
    for (const [type, count] of byType) out.push(`ocpp_proxy_process_active_resources{type="${esc(type)}"} ${count}`);
    family("process_start_time_seconds", "gauge", "Start time, seconds since the epoch.");
    out.push(`ocpp_proxy_process_start_time_seconds ${Math.floor(this.startedAt / 1e3)}`);
    out.push(...this.health.lines());
    return `${out.join("\n")}
`;
  }
  record(upstream, seconds) {
    let h = this.rtt.get(upstream);
    if (h === void 0) this.rtt.set(upstream, h = { counts: RTT_BUCKETS.map(() => 0), sum: 0, count: 0 });
    RTT_BUCKETS.forEach((le, i) => {
      if (seconds <= le) h.counts[i]++;
    });
    h.sum += seconds;
    h.count++;
  }
};
function esc(value) {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

// src/sharing/outbox-watch.ts
var LONGEST_CHECK_MS = 6e4;
function outboxAlerts(ages, alertSeconds) {
  return ages.filter((a) => a.oldestSeconds > alertSeconds).map((a) => ({ upstream: a.upstream, message: `upstream ${a.upstream} has not received transactions for ${describeAge(a.oldestSeconds)} (${a.entries} waiting in its outbox)` }));
}
var OutboxWatch = class {
  outbox;
  alertSeconds;
  home;
  logger;
  alerting = /* @__PURE__ */ new Set();
  timer = null;
  constructor(outbox, alertSeconds, home, logger) {
    this.outbox = outbox;
    this.alertSeconds = alertSeconds;
    this.home = home;
    this.logger = logger;
  }
  start() {
    const every = Math.min(LONGEST_CHECK_MS, Math.max(1e3, this.alertSeconds * 1e3));
    this.timer = setInterval(() => this.check(Date.now()), every);
    this.timer.unref();
  }
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
  /** Says each upstream that crossed the threshold since the last look, and each that is back under it. */
  check(now) {
    let alerts;
    try {
      alerts = outboxAlerts(this.outbox.ages(now), this.alertSeconds);
    } catch (error) {
      this.logger.error(`state database, outbox: ${error.message}`);
      return;
    }
    const current = /* @__PURE__ */ new Set();
    for (const { upstream, message } of alerts) {
      current.add(upstream);
      if (this.alerting.has(upstream)) continue;
      this.alerting.add(upstream);
      this.logger.warn(`${message} ([host] outbox_alert = ${this.alertSeconds} s)`);
      this.home?.notify(`Upstream ${upstream} is missing transactions`, `${message}. They are sent as soon as it is reachable again.`);
    }
    for (const upstream of this.alerting) {
      if (current.has(upstream)) continue;
      this.alerting.delete(upstream);
      this.logger.info(`upstream ${upstream} has taken its waiting transactions (outbox under outbox_alert again)`);
    }
  }
};
function describeAge(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor(seconds % 86400 / 3600);
  const minutes = Math.floor(seconds % 3600 / 60);
  if (days > 0) return `${days} day${days === 1 ? "" : "s"} ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}

// src/web/monitor-state.ts
var OFFLINE_SHOWN = 50;
var REFUSALS_SHOWN = 20;
var MonitorState = class {
  dashboard = new DashboardState();
  metrics = new Metrics();
  delivery = new DeliveryTracker();
  directory;
  series;
  cap;
  config;
  proxy;
  logger;
  warnings;
  store;
  /** Writes the chargers seen to the state store every few seconds. */
  housekeeping;
  unsubscribeEvents;
  constructor(config, proxy, store, logger, warnings) {
    this.config = config;
    this.proxy = proxy;
    this.logger = logger;
    this.warnings = warnings;
    this.store = store;
    this.directory = new ChargerDirectory(proxy, store, this.dashboard);
    this.series = new MeterSeriesRecorder(store, (charger) => this.dashboard.chargers.get(charger)?.transaction?.id ?? null, logger);
    this.cap = new HomeownerCapKeeper(proxy, store, logger);
    this.housekeeping = setInterval(() => this.flushDirectory(), FLUSH_INTERVAL_MS);
    this.housekeeping.unref();
    this.unsubscribeEvents = proxy.events.subscribe((event) => {
      if (event.event !== "transaction_stopped") return;
      const energy = typeof event.energy_kwh === "number" ? event.energy_kwh : null;
      this.delivery.recorded(event.charger, String(event.transactionId), energy, typeof event.revenue === "number" ? event.revenue : null);
    });
  }
  /** Folds in one message log entry; true when the dashboard's view of the charger changed. */
  observe(entry) {
    this.metrics.observe(entry);
    this.directory.observe(entry);
    this.delivery.observe(entry);
    this.series.observe(entry);
    this.cap.observe(entry);
    return this.dashboard.apply(entry);
  }
  /** The idTag as the pages may show it: its last four characters unless `[web] show_idtags`. */
  maskTag(tag) {
    if (tag === null || this.config.web.showIdTags) return tag;
    return tag.length <= 4 ? "****" : `${"*".repeat(tag.length - 4)}${tag.slice(-4)}`;
  }
  /** `/api/status`: the connected chargers in full, plus what the overview shows besides. */
  status() {
    const { proxy, dashboard, metrics, directory, delivery, cap } = this;
    const now = /* @__PURE__ */ new Date();
    const online = [...proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    const ages = this.store?.outbox.ages(now.getTime()) ?? [];
    const outboxes = ages.length === 0 || this.store === null ? void 0 : (charger) => (callId, at2) => this.store.outbox.holding(charger, callId, at2);
    const chargers = online.map((session) => {
      const view = dashboard.chargers.get(session.chargerId);
      const transaction = view?.transaction ?? null;
      const status = session.status();
      const summary = directory.summary(session.chargerId, now);
      return {
        ...status,
        upstreams: status.upstreams.map((u) => ({ ...u, latency_ms: metrics.latencyMs(session.chargerId, u.name) })),
        online: true,
        last_seen: now.toISOString(),
        vendor: view?.vendor ?? null,
        model: view?.model ?? null,
        firmware: view?.firmware ?? null,
        connectors: view?.connectors ?? {},
        transaction: transaction === null ? null : { ...transaction, idTag: this.maskTag(transaction.idTag), owner: transaction.id === null ? null : session.transactionOwner(transaction.id) ?? null },
        readings: view?.readings ?? {},
        readings_at: view?.readingsAt ?? null,
        limit: view?.limit ?? null,
        limits: view?.limits ?? {},
        control: proxy.control.describe(session.chargerId),
        last_session: delivery.describe(session.chargerId, status.upstreams, outboxes?.(session.chargerId)),
        refused_attempts: summary?.refused_attempts ?? 0,
        last_refusal: summary?.last_refusal ?? null,
        cap_result: cap.result(session.chargerId)
      };
    });
    const offline = directory.list({ refusedOnly: false }).filter((c) => !c.online).slice(0, OFFLINE_SHOWN).map((c) => ({ ...c, connectors: dashboard.chargers.get(c.id)?.connectors ?? {}, last_session: delivery.describe(c.id, null, outboxes?.(c.id)) }));
    const onlineIds = new Set(online.map((s) => s.chargerId));
    const outbox = ages.map((a) => ({ upstream: a.upstream, entries: a.entries, oldest_seconds: a.oldestSeconds }));
    const outboxWarnings = outboxAlerts(ages, this.config.outbox.alertSeconds).map((a) => a.message);
    const refusals = proxy.refusals.recent().slice(-REFUSALS_SHOWN).reverse().map((r) => ({ ...r, online: r.charger !== null && onlineIds.has(r.charger) }));
    return {
      chargers,
      offline,
      refusals,
      override: proxy.control.override,
      homeowner_cap: cap.cap,
      sharing: proxy.control.enabled,
      backends: this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name)),
      outbox,
      warnings: [...this.warnings, ...outboxWarnings]
    };
  }
  close() {
    this.unsubscribeEvents();
    clearInterval(this.housekeeping);
    this.flushDirectory();
    this.series.close();
    this.metrics.health.close();
  }
  flushDirectory() {
    try {
      this.directory.flush();
    } catch (error) {
      this.logger.error(`web: chargers seen not written: ${error.message}`);
    }
  }
};

// src/web/session-api.ts
function sessionFilter(url) {
  const query = { store: {}, until: null };
  for (const name of ["since", "until"]) {
    const value = url.searchParams.get(name);
    if (value === null || value === "") continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return `${name} '${value}' is not a date`;
    if (name === "since") query.store.since = date.toISOString();
    else query.until = date.toISOString();
  }
  const charger = url.searchParams.get("charger");
  if (charger !== null && charger !== "") query.store.charger = charger;
  return query;
}
function sessionRows(store, url, state) {
  if (store === null) return { status: 503, body: { error: "no state database" } };
  const filter = sessionFilter(url);
  if (typeof filter === "string") return { status: 400, body: { error: filter } };
  return store.sessions(filter.store).filter((row) => filter.until === null || (row.started_at ?? row.stopped_at ?? "") < filter.until).map((row) => ({ ...row, id_tag: state.maskTag(row.id_tag) }));
}
function sessionSeries(store, id, state) {
  if (store === null) return { status: 503, body: { error: "no state database" } };
  const row = store.session(id);
  if (row === null) return { status: 404, body: { error: `no session ${id}` } };
  const from = Date.parse(row.started_at ?? "") - 6e4;
  const to = Date.parse(row.stopped_at ?? "") + 6e4;
  const points = state.series.series(row.charger, row.charger_tx, Number.isFinite(from) ? from : 0, Number.isFinite(to) ? to : Date.now() + 6e4);
  return { status: 200, body: { session: { ...row, id_tag: state.maskTag(row.id_tag) }, ...seriesJson(points) } };
}
function runningSeries(charger, state) {
  const transaction = state.dashboard.chargers.get(charger)?.transaction?.id ?? null;
  return { status: 200, body: { charger, transaction, ...seriesJson(transaction === null ? [] : state.series.series(charger, transaction)) } };
}
var SERIES_COLUMNS = ["t", "power_w", "energy_wh", "current_l1", "current_l2", "current_l3"];
function seriesJson(samples) {
  return {
    columns: SERIES_COLUMNS,
    points: samples.map((s) => [s.at, s.powerW, s.energyWh, s.currentL1, s.currentL2, s.currentL3])
  };
}

// src/web/event-api.ts
import { timingSafeEqual as timingSafeEqual2, randomInt } from "node:crypto";
var EventApi = class {
  backends;
  proxy;
  logger;
  wss = new import_websocket_server.default({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  sockets = /* @__PURE__ */ new Set();
  constructor(config, proxy, logger) {
    this.backends = config.backends;
    this.proxy = proxy;
    this.logger = logger;
  }
  handleUpgrade(request, socket, head2) {
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== "/api/events") return abortHandshake(socket, 404);
    const name = url.searchParams.get("id");
    const backend = this.backends.find((b) => b.name === name);
    const header2 = request.headers.authorization ?? "";
    const token = header2.toLowerCase().startsWith("bearer ") ? header2.slice(7).trim() : url.searchParams.get("token") ?? "";
    if (backend === void 0 || !sameText(token, backend.token)) {
      this.logger.warn(`event API: refused ${name === null ? "a connection without id" : `backend '${name}'`} (unknown or bad token)`);
      return abortHandshake(socket, 401, { "WWW-Authenticate": 'Bearer realm="ocpp-proxy"' });
    }
    this.wss.handleUpgrade(request, socket, head2, (ws) => this.attach(ws, backend.name));
  }
  close() {
    for (const ws of this.sockets) ws.close(1001, "proxy shutting down");
  }
  attach(ws, backend) {
    this.sockets.add(ws);
    this.logger.info(`event API: backend ${backend} connected`);
    const unsubscribe = this.proxy.events.subscribe((event) => {
      if (ws.readyState === ws.OPEN && ws.bufferedAmount < 1024 * 1024) ws.send(JSON.stringify(event));
    });
    ws.on("message", (data, isBinary) => void this.request(ws, backend, isBinary ? null : data.toString()));
    ws.on("close", () => {
      unsubscribe();
      this.sockets.delete(ws);
      this.logger.info(`event API: backend ${backend} disconnected`);
    });
    ws.on("error", () => ws.terminate());
  }
  /** One control request; every outcome is answered, a bad one never closes the connection. */
  async request(ws, backend, text3) {
    const reply = (body2) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body2));
    };
    let request;
    try {
      if (text3 === null) throw new Error("binary frames are not supported");
      request = JSON.parse(text3);
      if (typeof request !== "object" || request === null || Array.isArray(request)) throw new Error("a request is a JSON object");
    } catch (error) {
      reply({ error: `bad request: ${error.message}` });
      return;
    }
    const id = request.id ?? null;
    const session = this.sessionFor(request.charger);
    if (typeof session === "string") return reply({ id, result: "error", reason: session });
    const call = this.callFor(session, request);
    if (typeof call === "string") return reply({ id, result: "error", reason: call });
    const decision = this.proxy.control.decide(session.chargerId, backend, call.action);
    if (!decision.allowed) return reply({ id, result: "rejected", reason: decision.reason });
    this.logger.info(`event API: ${backend} \u2192 ${session.chargerId} ${call.action}`);
    try {
      const answer = await session.proxyCall(call.action, call.payload);
      const status = typeof answer.payload?.status === "string" ? answer.payload.status : null;
      reply({ id, result: answer.type === "CALLRESULT" && status !== "Rejected" ? "accepted" : "rejected", reason: decision.reason, answer: answer.payload });
    } catch (error) {
      reply({ id, result: "error", reason: error.message, ...error instanceof ProxyError ? { code: error.code } : {} });
    }
  }
  sessionFor(charger) {
    const sessions2 = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    if (charger === void 0) return sessions2.length === 1 ? sessions2[0] : 'name the charger ("charger": "ID")';
    const session = sessions2.find((s) => s.chargerId === charger);
    return session ?? `charger ${String(charger)} is not connected`;
  }
  /** The OCPP Call for a request, in the charger's version. */
  callFor(session, r) {
    const v16 = session.protocol === "ocpp1.6";
    const connector = typeof r.connector === "number" && Number.isInteger(r.connector) ? r.connector : 1;
    switch (r.action) {
      case "start": {
        const idTag = typeof r.idTag === "string" && r.idTag !== "" ? r.idTag : null;
        if (idTag === null) return '"start" needs an idTag';
        return v16 ? { action: "RemoteStartTransaction", payload: { connectorId: connector, idTag } } : { action: "RequestStartTransaction", payload: { evseId: connector, remoteStartId: randomInt(1, 2 ** 31 - 1), idToken: { idToken: idTag, type: "Central" } } };
      }
      case "stop": {
        if (typeof r.transactionId !== "string" && typeof r.transactionId !== "number") return '"stop" needs a transactionId';
        return v16 ? { action: "RemoteStopTransaction", payload: { transactionId: Number(r.transactionId) } } : { action: "RequestStopTransaction", payload: { transactionId: String(r.transactionId) } };
      }
      case "set_limit": {
        if (typeof r.limit !== "number" || !(r.limit >= 0)) return '"set_limit" needs a limit (a number >= 0)';
        if (r.unit !== "A" && r.unit !== "W") return '"set_limit" needs unit "A" or "W"';
        const schedule = { chargingRateUnit: r.unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: r.limit }] };
        return v16 ? { action: "SetChargingProfile", payload: { connectorId: connector, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: "TxDefaultProfile", chargingProfileKind: "Relative", chargingSchedule: schedule } } } : { action: "SetChargingProfile", payload: { evseId: connector, chargingProfile: { id: 1, stackLevel: 0, chargingProfilePurpose: "TxDefaultProfile", chargingProfileKind: "Relative", chargingSchedule: [{ id: 1, ...schedule }] } } };
      }
      default:
        return 'action must be "start", "stop" or "set_limit"';
    }
  }
};
function sameText(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual2(x, y);
}

// src/sharing/sharing.ts
var OVERRIDE_KEY = "override";
function wireSharing(events, control, home, logger) {
  events.subscribe((event) => {
    switch (event.event) {
      case "transaction_started":
        control.sessionStarted(event.charger, typeof event.owner === "string" ? event.owner : null);
        return;
      case "transaction_stopped": {
        control.sessionEnded(event.charger);
        const energy = typeof event.energy_kwh === "number" ? `${event.energy_kwh} kWh` : "energy unknown";
        home?.notify(`Charging session ended on ${event.charger}`, `${energy}, owner ${String(event.owner)}${typeof event.revenue === "number" ? `, revenue ${event.revenue}` : ""}`);
        return;
      }
      case "status":
        if (event.status === "Faulted") {
          logger.warn(`${event.charger}: connector ${String(event.connector)} Faulted; backend control revoked`);
          home?.notify(`Charger ${event.charger} faulted`, `Connector ${String(event.connector)} reports ${String(event.errorCode ?? "a fault")}.`);
        }
        return;
      case "control_changed":
        logger.info(`${event.charger}: control is now with ${String(event.holder ?? "nobody")}`);
        return;
    }
  });
}
function loadOverride(store) {
  const text3 = store?.getSetting(OVERRIDE_KEY) ?? null;
  if (text3 === null) return null;
  try {
    return JSON.parse(text3);
  } catch {
    return null;
  }
}
function saveOverride(store, override) {
  store?.setSetting(OVERRIDE_KEY, override === null ? null : JSON.stringify(override));
}

// src/config/warnings.ts
var NO_BACKEND_WARNING = "no backend configured: the built-in local CSMS answers and accepts every tag";
function isLoopbackHost(host) {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
function noBackend(config) {
  return config.upstreams.every((upstream) => upstream.local);
}
function configWarnings(config) {
  const warnings = [];
  if (noBackend(config)) warnings.push(`${NO_BACKEND_WARNING}; set [ext-server] server (and secondary_server) to your backends`);
  if (!config.chargerAuth.required && !isLoopbackHost(config.listen.host)) {
    warnings.push(
      `chargers connect to ${config.listen.host}:${config.listen.port} without a password ([host] require_auth = false): any host that reaches this port can present itself as any charger id, unless the primary checks the credentials it is sent; set require_auth = true with [chargers] passwords (ocpp-proxy hash-password), or listen on 127.0.0.1 behind a TLS proxy`
    );
  }
  warnings.push(...controlWarnings(config));
  warnings.push(...configurationWarnings(config));
  return warnings;
}
function configurationWarnings(config) {
  const { views, unionKeys, minKeys, exclusive } = config.configuration;
  const backends = config.upstreams.filter((u) => !u.local).length;
  if (!views) {
    return backends > 1 ? ["[configuration] views = false: backends that write the same keys (MeterValuesSampledData, MeterValueSampleInterval, \u2026) undo each other; the last writer wins"] : [];
  }
  const warnings = [];
  const min = new Set(minKeys.map((k) => k.toLowerCase()));
  for (const key2 of unionKeys) if (min.has(key2.toLowerCase())) warnings.push(`[configuration] ${key2} is in union_keys and min_keys; it is treated as a min key`);
  if (backends > 1) {
    warnings.push(`[configuration] views: ${[...unionKeys, ...minKeys].join(", ")} are kept per backend (the charger gets the union of the measurands and the shortest interval)`);
    warnings.push(
      exclusive === null ? "[configuration] exclusive = none: other keys (e.g. HeartbeatInterval) are not shared; the last backend to write one wins" : `[configuration] exclusive = ${exclusive}: only ${exclusive} may change keys outside the views, the others get Rejected`
    );
  }
  if (config.autoconfigLock) {
    const shared2 = new Set([...unionKeys, ...minKeys].map((k) => k.toLowerCase()));
    const locked = config.autoconfig.map(([key2]) => key2).filter((key2) => shared2.has(key2.toLowerCase()));
    if (locked.length > 0) warnings.push(`[autoconfig] lock: ${locked.join(", ")} cannot be changed by any backend, so their configuration views stay at the [autoconfig] value`);
  }
  return warnings;
}

// src/web/request-guard.ts
import { isIP } from "node:net";
import { hostname } from "node:os";
var REQUEST_TARGET = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*(?:\?[\x21-\x7e]*)?$/;
function requestUrl(raw) {
  if (raw === void 0 || !REQUEST_TARGET.test(raw)) return null;
  const path = raw.replace(/^\/{2,}/, "/");
  try {
    const url = new URL(path, "http://localhost");
    url.pathname = url.pathname.replace(/\/{2,}/g, "/");
    return url;
  } catch {
    return null;
  }
}
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
function remoteAddress(request) {
  const address = (request.socket.remoteAddress ?? "").toLowerCase();
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
function fromIngress(request, ingressFrom) {
  if (ingressFrom.length === 0) return false;
  const address = remoteAddress(request);
  return ingressFrom.some((allowed) => normalAddress(allowed) === address);
}
function normalAddress(address) {
  const lower = address.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return lower.startsWith("::ffff:") && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
function hostName(host) {
  const value = host.trim().toLowerCase();
  const name = value.startsWith("[") ? value.slice(1, value.indexOf("]") === -1 ? void 0 : value.indexOf("]")) : value.replace(/:\d*$/, "");
  return name.replace(/\.$/, "");
}
function hostRefusal(host, bindHost, allowedHosts) {
  if (host === void 0) return null;
  const name = hostName(host);
  if (name === "") return "the Host header is empty";
  if (isIP(name) !== 0) return null;
  const machine = hostname().toLowerCase();
  const names = ["localhost", hostName(bindHost), machine, machine.split(".")[0], ...allowedHosts.map(hostName)];
  if (names.includes(name) || name.endsWith(".localhost")) return null;
  const shown = name.length > 80 ? `${name.slice(0, 80)}\u2026` : name;
  return `host '${shown}' is not a name of this server (DNS rebinding protection); open the monitor by its address or add the name to [web] allowed_hosts`;
}
function firstValue(value) {
  const text3 = Array.isArray(value) ? value[0] : value;
  const first = text3?.split(",")[0]?.trim();
  return first === void 0 || first === "" ? null : first;
}
function ownOrigins(request) {
  const hosts = [request.headers.host, firstValue(request.headers["x-forwarded-host"])].filter((h) => typeof h === "string" && h !== "");
  const forwardedProto = firstValue(request.headers["x-forwarded-proto"])?.toLowerCase();
  const protos = ["http", ...forwardedProto === "https" || forwardedProto === "http" ? [forwardedProto] : []];
  const origins = /* @__PURE__ */ new Set();
  for (const host of hosts) {
    for (const proto2 of protos) {
      try {
        origins.add(new URL(`${proto2}://${host}`).origin);
      } catch {
      }
    }
  }
  return origins;
}
function sameOrigin(request) {
  const origin = request.headers.origin;
  if (origin === void 0 || origin === "null") return false;
  let normal;
  try {
    normal = new URL(origin).origin;
  } catch {
    return false;
  }
  return ownOrigins(request).has(normal);
}
function ingressPath(request) {
  const value = firstValue(request.headers["x-ingress-path"]);
  if (value === null || value.startsWith("//") || !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(value)) return "";
  return value.replace(/\/+$/, "");
}

// src/web/web-server.ts
var MAX_CLIENT_BACKLOG = 1024 * 1024;
var MAX_HOST_WARNINGS = 100;
var WebServer = class {
  config;
  proxy;
  store;
  messageLog;
  logger;
  http;
  recent = [];
  state;
  unsubscribeRefusals;
  clients = /* @__PURE__ */ new Set();
  unsubscribe;
  expectedAuth;
  /** Commands are refused on a non-loopback address without a password. */
  commandsAllowed;
  statusTimer = null;
  linkWatch = null;
  eventApi;
  /** What the configuration may do unnoticed; fixed for the process's life. */
  warnings;
  warnedHosts = /* @__PURE__ */ new Set();
  /** What every request passes before its route, in order; the first refusal answers it. */
  passes = [
    (request, ingress) => ingress ? null : this.hostCheck(request),
    (request, ingress) => ingress || this.authorized(request) ? null : { status: 401, error: "authentication required", headers: { "WWW-Authenticate": 'Basic realm="ocpp-proxy", charset="UTF-8"' } }
  ];
  constructor(config, proxy, messageLog, store, logger) {
    this.config = config;
    this.proxy = proxy;
    this.store = store;
    this.messageLog = messageLog;
    this.logger = logger;
    const { username, password, host } = config.web;
    this.expectedAuth = username !== null && password !== null ? Buffer.from(`Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`) : null;
    this.commandsAllowed = isLoopbackHost(host) || this.expectedAuth !== null;
    this.warnings = configWarnings(config);
    this.state = new MonitorState(config, proxy, store, logger, this.warnings);
    this.unsubscribe = messageLog.subscribe((entry) => this.onEntry(entry));
    this.unsubscribeRefusals = proxy.refusals.subscribe((refusal) => {
      if (this.clients.size === 0) return;
      this.broadcast("refusal", JSON.stringify(refusal));
      this.scheduleStatus();
    });
    this.http = createServer2((request, response) => this.handle(request, response));
    this.eventApi = new EventApi(config, proxy, logger);
    this.http.on("upgrade", (request, socket, head2) => this.eventApi.handleUpgrade(request, socket, head2));
  }
  listen() {
    return new Promise((resolve6, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.config.web.port, this.config.web.host, () => {
        this.http.off("error", reject);
        const port = this.http.address().port;
        this.logger.info(`web monitor on http://${this.config.web.host}:${port}/ (overview /status, sessions /sessions, metrics /metrics)`);
        if (!this.commandsAllowed) {
          const ingress = this.config.web.ingressFrom.length === 0 ? "" : ` (except through ingress from ${this.config.web.ingressFrom.join(", ")})`;
          this.logger.warn(`web monitor on ${this.config.web.host} has no password: pages are read-only, commands answer 403${ingress}; set [web] username and password`);
        }
        resolve6(port);
      });
    });
  }
  async close() {
    this.unsubscribe();
    this.unsubscribeRefusals();
    this.state.close();
    this.eventApi.close();
    if (this.statusTimer !== null) clearTimeout(this.statusTimer);
    if (this.linkWatch !== null) clearInterval(this.linkWatch);
    for (const client of this.clients) client.end();
    this.clients.clear();
    const closed = new Promise((resolve6) => this.http.close(() => resolve6()));
    this.http.closeAllConnections();
    await closed;
  }
  onEntry(entry) {
    this.recent.push(entry);
    if (this.recent.length > this.config.web.buffer) this.recent.shift();
    const changed = this.state.observe(entry);
    if (this.clients.size === 0) return;
    this.broadcast("message", JSON.stringify(entry));
    if (changed || entry.to === "charger" || entry.from === "charger") this.scheduleStatus();
  }
  /** Dashboard updates are coalesced: at most a few per second whatever the traffic. */
  scheduleStatus() {
    if (this.statusTimer !== null) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.broadcast("status", JSON.stringify(this.statusJson()));
    }, 200);
    this.statusTimer.unref();
  }
  broadcast(event, data) {
    const chunk = `event: ${event}
data: ${data}

`;
    for (const client of this.clients) {
      if (client.writableLength > MAX_CLIENT_BACKLOG) {
        client.destroy();
        this.clients.delete(client);
        continue;
      }
      client.write(chunk);
    }
  }
  statusJson() {
    return this.state.status();
  }
  // ---- HTTP ------------------------------------------------------------------------------------
  handle(request, response) {
    try {
      this.route(request, response)?.catch((error) => this.failed(request, response, error));
    } catch (error) {
      this.failed(request, response, error);
    }
  }
  /** A bug in one route answers that request (500), never leaves its socket hanging or stops the proxy. */
  failed(request, response, error) {
    this.logger.error(`web: ${request.method} ${JSON.stringify(request.url)} failed: ${error.message}`);
    if (!response.headersSent) this.json(response, 500, { error: "internal error" });
    else response.destroy();
  }
  route(request, response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    const url = requestUrl(request.url);
    if (url === null) return this.json(response, 400, { error: "malformed request URL" });
    if (url.pathname === "/healthz" && request.method === "GET") return this.healthz(response);
    const ingress = fromIngress(request, this.config.web.ingressFrom);
    for (const pass of this.passes) {
      const refusal = pass(request, ingress);
      if (refusal !== null) return this.json(response, refusal.status, { error: refusal.error }, refusal.headers);
    }
    if (url.pathname === "/api/override" && (request.method === "POST" || request.method === "DELETE")) {
      return this.override(request, response, ingress);
    }
    const chargerPath = /^\/api\/chargers\/([^/]+)\/(call|series)$/.exec(url.pathname);
    if (chargerPath !== null) {
      const chargerId = decodeSegment(chargerPath[1]);
      if (chargerId === null) return this.json(response, 400, { error: "the charger id in the URL is not valid percent-encoding" });
      if (chargerPath[2] === "call") {
        if (request.method !== "POST") return this.json(response, 405, { error: "use POST" });
        return this.command(chargerId, request, response, ingress);
      }
      if (request.method !== "GET") return this.json(response, 405, { error: "use GET" });
      return this.answer(response, runningSeries(chargerId, this.state));
    }
    if (request.method !== "GET") return this.json(response, 405, { error: "method not allowed" });
    const seriesPath = /^\/api\/sessions\/(\d{1,15})\/series$/.exec(url.pathname);
    if (seriesPath !== null) return this.answer(response, sessionSeries(this.store, Number(seriesPath[1]), this.state));
    switch (url.pathname) {
      case "/":
        return this.page(response, PAGES.monitor);
      case "/status":
        return this.page(response, PAGES.overview);
      case "/sessions":
        return this.page(response, PAGES.sessions);
      case "/status/":
      case "/sessions/": {
        const name = url.pathname.slice(1, -1);
        response.writeHead(308, { Location: ingressPath(request) === "" ? `../${name}` : `${ingressPath(request)}/${name}` });
        response.end();
        return;
      }
      case "/api/chargers":
        return this.json(response, 200, { chargers: this.state.directory.list(), refusals: this.proxy.refusals.recent() });
      case "/api/status":
        return this.json(response, 200, this.statusJson());
      case "/api/messages": {
        const limit = Math.max(1, Math.min(this.config.web.buffer, Number(url.searchParams.get("limit") ?? this.config.web.buffer) || this.config.web.buffer));
        const charger = url.searchParams.get("charger");
        const entries = charger === null ? this.recent : this.recent.filter((e) => e.charger === charger);
        return this.json(response, 200, entries.slice(-limit));
      }
      case "/api/live":
        return this.events(response);
      case "/api/sessions":
        return this.sessions(url, response, "json");
      case "/sessions.csv":
        return this.sessions(url, response, "csv");
      case "/metrics":
        response.writeHead(200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
        response.end(this.state.metrics.render(this.proxy.sessions.values(), this.store?.outbox ?? null));
        return;
      default:
        return this.json(response, 404, { error: "not found" });
    }
  }
  /** DNS rebinding: answer only requests addressed to a name of this server. */
  hostCheck(request) {
    const allowed = this.config.web.allowedHosts;
    const why = hostRefusal(request.headers.host, this.config.web.host, allowed);
    if (why === null) return null;
    const host = request.headers.host ?? "";
    if (!this.warnedHosts.has(host) && this.warnedHosts.size < MAX_HOST_WARNINGS) {
      this.warnedHosts.add(host);
      this.logger.warn(`web: request refused: ${why}`);
    }
    return { status: 403, error: why };
  }
  authorized(request) {
    if (this.expectedAuth === null) return true;
    const given = Buffer.from(request.headers.authorization ?? "");
    return given.length === this.expectedAuth.length && timingSafeEqual3(given, this.expectedAuth);
  }
  /** 200 when every charger's primary link is up (or none is connected), else 503 with the reason. */
  healthz(response) {
    const reasons = [];
    const down = [...this.proxy.sessions.values()].filter((s) => s.connectedSince !== null && !s.isEnded && !s.primary.isOpen).map((s) => s.chargerId);
    if (down.length > 0) reasons.push(`primary link down for ${down.join(", ")}`);
    const storeProblem = this.store?.writeProblem() ?? null;
    if (storeProblem !== null) reasons.push(`the state database cannot be written: ${storeProblem}`);
    if (!this.messageLog.writable) reasons.push(`the message log ${this.messageLog.path} cannot be written (retried every few seconds)`);
    if (reasons.length === 0) this.json(response, 200, { status: "ok", chargers: this.proxy.sessions.size });
    else this.json(response, 503, { status: "degraded", reason: reasons.join("; ") });
  }
  events(response) {
    const cap = this.config.web.liveClients;
    if (this.clients.size >= cap) {
      return this.json(response, 503, { error: `too many live views open (${cap}); close one, or raise [web] live_clients` }, { "Retry-After": "10" });
    }
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    response.write(`event: status
data: ${JSON.stringify(this.statusJson())}

`);
    this.clients.add(response);
    response.on("close", () => {
      this.clients.delete(response);
      if (this.clients.size === 0 && this.linkWatch !== null) {
        clearInterval(this.linkWatch);
        this.linkWatch = null;
      }
    });
    if (this.linkWatch === null) {
      let last = "";
      this.linkWatch = setInterval(() => {
        const links = [...this.proxy.sessions.values()].map((s) => s.links.map((l) => l.state).join()).join("|");
        if (links !== last) this.scheduleStatus();
        last = links;
      }, 1e3);
      this.linkWatch.unref();
    }
  }
  sessions(url, response, format3) {
    const rows = sessionRows(this.store, url, this.state);
    if (!Array.isArray(rows)) return this.answer(response, rows);
    if (format3 === "json") return this.json(response, 200, { sessions: rows });
    response.writeHead(200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="sessions.csv"' });
    response.end(sessionsCsv(rows));
  }
  /**
   * Refuses a state-changing request unless it may change things (loopback, a password, or
   * Home Assistant ingress), is JSON where it has a body, and comes from this server's own page.
   */
  refuseChange(request, response, needsBody, ingress) {
    if (!this.commandsAllowed && !ingress) {
      this.json(response, 403, { error: "commands need [web] username and password on a non-loopback address" });
      return true;
    }
    if (needsBody && !(request.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      this.json(response, 415, { error: "Content-Type must be application/json" });
      return true;
    }
    if (!sameOrigin(request)) {
      this.json(response, 403, { error: "cross-origin request refused (Origin must be this server)" });
      return true;
    }
    return false;
  }
  /** The homeowner's say: POST {mode: block|allow|give} (DELETE clears it) or {mode: limit|none} (the cap). Persisted. */
  async override(request, response, ingress) {
    if (this.refuseChange(request, response, request.method === "POST", ingress)) return;
    let override = null;
    if (request.method === "POST") {
      const body2 = jsonObject(await readBody(request));
      if (typeof body2 === "string") return this.json(response, 400, { error: body2 });
      if (body2.mode === "limit" || body2.mode === "none") return this.homeownerCap(body2, response);
      const parsed = overrideOf(body2, this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name)));
      if (typeof parsed === "string") return this.json(response, 400, { error: parsed });
      override = parsed;
    }
    this.proxy.control.setOverride(override);
    try {
      saveOverride(this.store, override);
    } catch (error) {
      this.logger.error(`override not saved: ${error.message}`);
    }
    this.logger.info(override === null ? "homeowner override cleared" : `homeowner override: ${override.mode}${override.to === void 0 ? "" : ` to ${override.to}`}`);
    this.scheduleStatus();
    this.json(response, 200, { override });
  }
  /** The homeowner's cap: `limit` with amps or watts, `none` removes it; sent to the chargers in the background. */
  homeownerCap(body2, response) {
    const cap = capFromBody(body2);
    if (typeof cap === "string") return this.json(response, 400, { error: cap });
    this.logger.info(cap === null ? "homeowner cap removed" : `homeowner cap: ${cap.limit} ${cap.unit}`);
    this.state.cap.set(cap).then(
      () => this.scheduleStatus(),
      (error) => this.logger.error(`homeowner cap not saved: ${error.message}`)
    );
    this.scheduleStatus();
    this.json(response, 200, { homeowner_cap: cap });
  }
  async command(chargerId, request, response, ingress) {
    if (this.refuseChange(request, response, true, ingress)) return;
    const body2 = jsonObject(await readBody(request));
    const command2 = typeof body2 === "string" ? body2 : commandOf(body2);
    if (typeof command2 === "string") return this.json(response, 400, { error: command2 });
    const session = this.proxy.sessions.get(chargerId);
    if (session === void 0 || session.isEnded) return this.json(response, 404, { error: `charger ${chargerId} is not connected` });
    this.logger.info(`web: ${command2.action} sent to ${chargerId}`);
    try {
      const answer = await session.proxyCall(command2.action, command2.payload);
      this.messageLog.flush();
      this.json(response, 200, { result: answer.type, payload: answer.payload, ...commandFrames(this.recent, chargerId, command2.action) });
    } catch (error) {
      const code = error instanceof ProxyError ? error.code : void 0;
      this.json(response, httpStatusOf(error), { error: error.message, ...code === void 0 ? {} : { code } });
    }
  }
  page(response, page2) {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": page2.csp });
    response.end(page2.html);
  }
  answer(response, answer) {
    this.json(response, answer.status, answer.body);
  }
  json(response, status, body2, headers = {}) {
    response.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(body2));
  }
};

// src/events/charger-events.ts
var ChargerEvents = class {
  listeners = /* @__PURE__ */ new Set();
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event) {
    for (const listener of this.listeners) listener(event);
  }
};

// src/sharing/home-assistant.ts
var REQUEST_TIMEOUT_MS = 5e3;
var HomeAssistantBridge = class {
  config;
  logger;
  timer = null;
  lastOkAt = null;
  override = null;
  presence = null;
  failing = false;
  constructor(config, logger) {
    this.config = config;
    this.logger = logger;
  }
  /** Polls now and every poll_interval; resolves after the first poll. */
  async start() {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.config.pollInterval * 1e3);
    this.timer.unref();
  }
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
  verdict(now = Date.now()) {
    if (this.lastOkAt === null) return { blocked: true, reason: "no answer from Home Assistant yet" };
    if (now - this.lastOkAt > this.config.staleAfter * 1e3) {
      return { blocked: true, reason: `unreachable since ${new Date(this.lastOkAt).toISOString()} (longer than stale_after)` };
    }
    if (this.config.overrideEntity !== null && this.override === "on") return { blocked: true, reason: `${this.config.overrideEntity} is on` };
    if (this.config.blockWhenHome && (this.presence === "home" || this.presence === "on")) {
      return { blocked: true, reason: `${this.config.presenceSensor} is ${this.presence} (block_when_home)` };
    }
    return { blocked: false, reason: "Home Assistant allows backend control" };
  }
  /** A persistent notification in Home Assistant; failures are logged, never thrown. */
  notify(title, message) {
    if (!this.config.notify) return;
    void this.request("POST", "/api/services/persistent_notification/create", { title, message }).catch(
      (error) => this.logger.warn(`Home Assistant notification failed: ${error.message}`)
    );
  }
  async poll() {
    try {
      const override = this.config.overrideEntity === null ? null : await this.state(this.config.overrideEntity);
      const presence = this.config.presenceSensor === null ? null : await this.state(this.config.presenceSensor);
      this.override = override;
      this.presence = presence;
      this.lastOkAt = Date.now();
      if (this.failing) this.logger.info("Home Assistant reachable again");
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Home Assistant: ${error.message}; keeping the last known state for up to ${this.config.staleAfter} s, then blocking backend control`);
      this.failing = true;
    }
  }
  async state(entity) {
    const body2 = await this.request("GET", `/api/states/${encodeURIComponent(entity)}`);
    if (typeof body2.state !== "string") throw new Error(`${entity} has no state`);
    return body2.state.toLowerCase();
  }
  async request(method, path, body2) {
    const response = await fetch(`${this.config.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.config.token}`, "Content-Type": "application/json" },
      body: body2 === void 0 ? null : JSON.stringify(body2),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
};

// src/daemon.ts
var StartupError = class extends ProxyError {
};
var Daemon = class {
  config;
  loggers;
  messageLog;
  server;
  store = null;
  pruneTimer = null;
  outboxWatch = null;
  web = null;
  homeAssistant = null;
  port = 0;
  webPort = 0;
  constructor(config, loggers) {
    this.config = config;
    this.loggers = loggers;
    this.messageLog = new MessageLog(config.messageLogFile, loggers.proxy, { maxBytes: config.messageLogMaxBytes, format: config.messageLogFormat });
  }
  async start() {
    const upstreamTls = await loadUpstreamTls(this.config.upstreams);
    try {
      this.store = Store.open(this.config.statePath);
    } catch (error) {
      throw new StartupError("ERR_STORE", error.message);
    }
    const outbox = this.store.outbox;
    outbox.onError = (message) => this.loggers.proxy.error(`state database, outbox: ${message} (the frame went live; ${outbox.lost} outbox writes lost so far)`);
    this.pruneOutboxes();
    this.pruneTimer = setInterval(() => this.pruneOutboxes(), 36e5);
    this.pruneTimer.unref();
    const events = new ChargerEvents();
    if (this.config.homeAssistant.url !== null) this.homeAssistant = new HomeAssistantBridge(this.config.homeAssistant, this.loggers.proxy);
    const control = new ControlArbiter(
      this.config,
      () => this.homeAssistant?.verdict() ?? null,
      (charger, state) => events.emit({ event: "control_changed", charger, at: (/* @__PURE__ */ new Date()).toISOString(), holder: state.holder })
    );
    control.setOverride(loadOverride(this.store));
    wireSharing(events, control, this.homeAssistant, this.loggers.proxy);
    this.outboxWatch = new OutboxWatch(outbox, this.config.outbox.alertSeconds, this.homeAssistant, this.loggers.proxy);
    this.outboxWatch.start();
    const context = {
      config: this.config,
      loggers: this.loggers,
      messageLog: this.messageLog,
      upstreamTls,
      fixupRules: configuredRules(this.config.fixups),
      lockedKeys: this.config.autoconfigLock ? managedKeys(this.config.autoconfig) : null,
      split: splitConfig(this.config),
      store: this.store,
      events,
      control
    };
    this.server = new ProxyServer(context, await this.listenerTls());
    if (this.homeAssistant !== null) await this.homeAssistant.start();
    try {
      await this.messageLog.open();
    } catch (error) {
      throw new StartupError("ERR_LOG_FILE", `${error.message} (set [messages] file or --log-file)`);
    }
    try {
      this.port = await this.server.listen();
    } catch (error) {
      await this.messageLog.close();
      this.store?.close();
      const { host, port } = this.config.listen;
      throw new StartupError("ERR_LISTEN", `cannot listen on ${host}:${port}: ${error.message} (set [host] addr/port or --listen-host/--listen-port)`);
    }
    if (this.config.web.port !== 0) {
      this.web = new WebServer(this.config, this.server, this.messageLog, this.store, this.loggers.proxy);
      try {
        this.webPort = await this.web.listen();
      } catch (error) {
        const busy = error.code === "EADDRINUSE" ? " (the port is in use by another program)" : "";
        this.loggers.proxy.error(
          `web monitor: cannot listen on ${this.config.web.host}:${this.config.web.port}${busy}: ${error.message}; set [web] port or --web-port (0 turns the monitor off); the proxy runs on without it`
        );
        await this.web.close();
        this.web = null;
      }
    }
    for (const line of describeUpstreams(this.config)) this.loggers.proxy.info(line);
    this.loggers.proxy.info(`message log: ${this.config.messageLogFile}; state: ${this.config.statePath}`);
  }
  /** SIGHUP: reopen the message log (logrotate) and reload the listener's certificate. */
  async reload() {
    if (this.port === 0) return;
    await this.messageLog.reopen();
    try {
      const tls = await this.listenerTls();
      if (tls !== null) {
        this.server.reloadTls(tls);
        this.loggers.proxy.info("listener certificate reloaded");
      }
    } catch (error) {
      this.loggers.proxy.error(`${error.message}; keeping the previous certificate`);
    }
  }
  async listenerTls() {
    const { certChain, certKey } = this.config.listen;
    if (certChain === null || certKey === null) return null;
    return { cert: await readPem(certChain, "[host] cert_chain"), key: await readPem(certKey, "[host] cert_key") };
  }
  /** `[host] outbox_days`: what an upstream has not taken for that long is dropped, logged and counted. */
  pruneOutboxes() {
    const store = this.store;
    if (store === null) return;
    const gone = store.outbox.prune(Date.now() - this.config.outbox.days * 864e5);
    if (gone > 0) this.loggers.proxy.warn(`${gone} outbox entries older than ${this.config.outbox.days} days dropped ([host] outbox_days)`);
  }
  /** SIGTERM/SIGINT: chargers closed with 1001, log flushed. */
  async stop() {
    if (this.pruneTimer !== null) clearInterval(this.pruneTimer);
    this.outboxWatch?.stop();
    this.homeAssistant?.stop();
    await this.web?.close();
    this.web = null;
    await this.server.close();
    await this.messageLog.close();
    this.store?.close();
    this.store = null;
  }
};
async function readPem(path, where) {
  try {
    return await readFile(path);
  } catch (error) {
    throw new StartupError("ERR_TLS_FILE", `${where}: cannot read ${path}: ${error.message}`);
  }
}
async function loadUpstreamTls(upstreams) {
  const material = /* @__PURE__ */ new Map();
  for (const upstream of upstreams) {
    const where = `[upstream.${upstream.name}]`;
    const tls = { rejectUnauthorized: !upstream.insecure };
    if (upstream.ca !== null) tls.ca = await readPem(upstream.ca, `${where} ca`);
    if (upstream.cert !== null) tls.cert = await readPem(upstream.cert, `${where} cert`);
    if (upstream.key !== null) tls.key = await readPem(upstream.key, `${where} key`);
    material.set(upstream, tls);
  }
  return material;
}
function splitConfig(config) {
  const tagOwners = /* @__PURE__ */ new Map();
  for (const upstream of config.upstreams) for (const tag of upstream.rfid) tagOwners.set(tag, upstream.name);
  return { tagOwners, defaultOwner: config.defaultOwner };
}

// src/cli/demo.ts
var CHARGER_ID = "DEMO-CHARGER";
async function simulatedCsms(config) {
  const wss = new import_websocket_server.default({ host: "127.0.0.1", port: 0, handleProtocols: (offered) => offered.has("ocpp1.6") ? "ocpp1.6" : false });
  await new Promise((resolve6) => wss.once("listening", resolve6));
  wss.on("connection", (ws) => {
    const state = { nextTransactionId: 1e3 };
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString());
      if (frame[0] === 2) ws.send(localAnswer("ocpp1.6", String(frame[1]), String(frame[2]), frame[3], config, state));
    });
  });
  return { url: `ws://127.0.0.1:${wss.address().port}`, wss };
}
async function freeOr(preferred) {
  const tryPort = (port) => new Promise((resolve6) => {
    const server = createServer3();
    server.once("error", () => resolve6(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      server.close(() => resolve6(bound));
    });
  });
  return await tryPort(preferred) ?? await tryPort(0);
}
function simulatedCharger(port) {
  const ws = new import_websocket.default(`ws://127.0.0.1:${port}/${CHARGER_ID}`, ["ocpp1.6"]);
  const timers = [];
  let n = 0;
  let energyWh2 = 12e3;
  let transactionId = null;
  const pending = /* @__PURE__ */ new Map();
  const call = (action, payload, then) => {
    const id = `demo-${++n}`;
    if (then !== void 0) pending.set(id, then);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify([2, id, action, payload]));
  };
  const now = () => (/* @__PURE__ */ new Date()).toISOString();
  ws.on("message", (data) => {
    const frame = JSON.parse(data.toString());
    if (frame[0] === 3) pending.get(String(frame[1]))?.(frame[2]);
    if (frame[0] === 2) ws.send(JSON.stringify([3, frame[1], frame[2] === "GetConfiguration" ? { configurationKey: [] } : { status: "Accepted" }]));
  });
  ws.on("open", () => {
    call("BootNotification", { chargePointVendor: "DemoVendor", chargePointModel: "Wallbox 11", firmwareVersion: "1.0.0" });
    call("StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Available", timestamp: now() });
    timers.push(setInterval(() => call("Heartbeat", {}), 15e3));
    const startSession = () => {
      call("Authorize", { idTag: "DEMO-TAG" });
      call("StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Charging", timestamp: now() });
      call("StartTransaction", { connectorId: 1, idTag: "DEMO-TAG", meterStart: energyWh2, timestamp: now() }, (answer) => {
        transactionId = Number(answer.transactionId);
      });
    };
    timers.push(setTimeout(startSession, 2e3));
    timers.push(
      setInterval(() => {
        if (transactionId === null) return;
        const amps = 15.5 + Math.random();
        energyWh2 += Math.round(3 * 230 * amps / 1800);
        const sampled = ["L1", "L2", "L3"].flatMap((phase) => [
          { value: (228 + Math.random() * 5).toFixed(1), measurand: "Voltage", phase, unit: "V" },
          { value: amps.toFixed(2), measurand: "Current.Import", phase, unit: "A" },
          { value: String(Math.round(230 * amps)), measurand: "Power.Active.Import", phase, unit: "W" }
        ]);
        sampled.push({ value: String(Math.round(3 * 230 * amps)), measurand: "Power.Active.Import", unit: "W" });
        sampled.push({ value: String(energyWh2), measurand: "Energy.Active.Import.Register", unit: "Wh" });
        call("MeterValues", { connectorId: 1, transactionId, meterValue: [{ timestamp: now(), sampledValue: sampled }] });
        if (n % 60 === 0) {
          call("StopTransaction", { transactionId, meterStop: energyWh2, timestamp: now(), reason: "EVDisconnected" });
          call("StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Available", timestamp: now() });
          transactionId = null;
          timers.push(setTimeout(startSession, 5e3));
        }
      }, 2e3)
    );
  });
  ws.on("error", () => void 0);
  return {
    stop: () => {
      timers.forEach((t) => clearTimeout(t));
      ws.close(1e3);
    }
  };
}
async function runDemo() {
  const dir = mkdtempSync(join(tmpdir(), "ocpp-proxy-demo-"));
  writeFileSync(join(dir, "demo.ini"), "");
  const official = await simulatedCsms({ acceptTags: [], heartbeatInterval: 15 });
  const home = await simulatedCsms({ acceptTags: [], heartbeatInterval: 15 });
  const { config, problems } = loadConfig({
    config: join(dir, "demo.ini"),
    primary: official.url,
    secondary: [home.url],
    listenHost: "127.0.0.1",
    listenPort: String(await freeOr(8888)),
    webHost: "127.0.0.1",
    webPort: String(await freeOr(8889)),
    logFile: join(dir, "ocpp_messages.log"),
    state: join(dir, "ocpp-proxy.db")
  });
  if (config === null) {
    process.stderr.write(`ocpp-proxy demo: ${formatProblem(problems[0])}
`);
    return 1;
  }
  const daemon = new Daemon(config, createLoggers(config.logLevels));
  await daemon.start();
  const charger = simulatedCharger(daemon.port);
  process.stdout.write(
    `
demo: a simulated charger (${CHARGER_ID}) \u2192 ocpp-proxy \u2192 simulated "official" CSMS (primary) and "home" CSMS (secondary)
demo: watch it at http://127.0.0.1:${daemon.webPort}/ (messages) and http://127.0.0.1:${daemon.webPort}/status (dashboard)
demo: message log ${config.messageLogFile}; Ctrl-C to stop

`
  );
  return new Promise((resolve6) => {
    const stop = () => {
      charger.stop();
      void daemon.stop().then(() => {
        official.wss.close();
        home.wss.close();
        resolve6(0);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

// node_modules/yargs/lib/platform-shims/esm.mjs
import { notStrictEqual, strictEqual } from "assert";

// node_modules/cliui/build/lib/index.js
var align = {
  right: alignRight,
  center: alignCenter
};
var top = 0;
var right = 1;
var bottom = 2;
var left = 3;
var UI = class {
  constructor(opts) {
    var _a2;
    this.width = opts.width;
    this.wrap = (_a2 = opts.wrap) !== null && _a2 !== void 0 ? _a2 : true;
    this.rows = [];
  }
  span(...args2) {
    const cols = this.div(...args2);
    cols.span = true;
  }
  resetOutput() {
    this.rows = [];
  }
  div(...args2) {
    if (args2.length === 0) {
      this.div("");
    }
    if (this.wrap && this.shouldApplyLayoutDSL(...args2) && typeof args2[0] === "string") {
      return this.applyLayoutDSL(args2[0]);
    }
    const cols = args2.map((arg) => {
      if (typeof arg === "string") {
        return this.colFromString(arg);
      }
      return arg;
    });
    this.rows.push(cols);
    return cols;
  }
  shouldApplyLayoutDSL(...args2) {
    return args2.length === 1 && typeof args2[0] === "string" && /[\t\n]/.test(args2[0]);
  }
  applyLayoutDSL(str2) {
    const rows = str2.split("\n").map((row) => row.split("	"));
    let leftColumnWidth = 0;
    rows.forEach((columns) => {
      if (columns.length > 1 && mixin.stringWidth(columns[0]) > leftColumnWidth) {
        leftColumnWidth = Math.min(Math.floor(this.width * 0.5), mixin.stringWidth(columns[0]));
      }
    });
    rows.forEach((columns) => {
      this.div(...columns.map((r, i) => {
        return {
          text: r.trim(),
          padding: this.measurePadding(r),
          width: i === 0 && columns.length > 1 ? leftColumnWidth : void 0
        };
      }));
    });
    return this.rows[this.rows.length - 1];
  }
  colFromString(text3) {
    return {
      text: text3,
      padding: this.measurePadding(text3)
    };
  }
  measurePadding(str2) {
    const noAnsi = mixin.stripAnsi(str2);
    return [0, noAnsi.match(/\s*$/)[0].length, 0, noAnsi.match(/^\s*/)[0].length];
  }
  toString() {
    const lines = [];
    this.rows.forEach((row) => {
      this.rowToString(row, lines);
    });
    return lines.filter((line) => !line.hidden).map((line) => line.text).join("\n");
  }
  rowToString(row, lines) {
    this.rasterize(row).forEach((rrow, r) => {
      let str2 = "";
      rrow.forEach((col, c) => {
        const { width } = row[c];
        const wrapWidth = this.negatePadding(row[c]);
        let ts = col;
        if (wrapWidth > mixin.stringWidth(col)) {
          ts += " ".repeat(wrapWidth - mixin.stringWidth(col));
        }
        if (row[c].align && row[c].align !== "left" && this.wrap) {
          const fn = align[row[c].align];
          ts = fn(ts, wrapWidth);
          if (mixin.stringWidth(ts) < wrapWidth) {
            ts += " ".repeat((width || 0) - mixin.stringWidth(ts) - 1);
          }
        }
        const padding = row[c].padding || [0, 0, 0, 0];
        if (padding[left]) {
          str2 += " ".repeat(padding[left]);
        }
        str2 += addBorder(row[c], ts, "| ");
        str2 += ts;
        str2 += addBorder(row[c], ts, " |");
        if (padding[right]) {
          str2 += " ".repeat(padding[right]);
        }
        if (r === 0 && lines.length > 0) {
          str2 = this.renderInline(str2, lines[lines.length - 1]);
        }
      });
      lines.push({
        text: str2.replace(/ +$/, ""),
        span: row.span
      });
    });
    return lines;
  }
  // if the full 'source' can render in
  // the target line, do so.
  renderInline(source, previousLine) {
    const match = source.match(/^ */);
    const leadingWhitespace = match ? match[0].length : 0;
    const target2 = previousLine.text;
    const targetTextWidth = mixin.stringWidth(target2.trimRight());
    if (!previousLine.span) {
      return source;
    }
    if (!this.wrap) {
      previousLine.hidden = true;
      return target2 + source;
    }
    if (leadingWhitespace < targetTextWidth) {
      return source;
    }
    previousLine.hidden = true;
    return target2.trimRight() + " ".repeat(leadingWhitespace - targetTextWidth) + source.trimLeft();
  }
  rasterize(row) {
    const rrows = [];
    const widths = this.columnWidths(row);
    let wrapped;
    row.forEach((col, c) => {
      col.width = widths[c];
      if (this.wrap) {
        wrapped = mixin.wrap(col.text, this.negatePadding(col), { hard: true }).split("\n");
      } else {
        wrapped = col.text.split("\n");
      }
      if (col.border) {
        wrapped.unshift("." + "-".repeat(this.negatePadding(col) + 2) + ".");
        wrapped.push("'" + "-".repeat(this.negatePadding(col) + 2) + "'");
      }
      if (col.padding) {
        wrapped.unshift(...new Array(col.padding[top] || 0).fill(""));
        wrapped.push(...new Array(col.padding[bottom] || 0).fill(""));
      }
      wrapped.forEach((str2, r) => {
        if (!rrows[r]) {
          rrows.push([]);
        }
        const rrow = rrows[r];
        for (let i = 0; i < c; i++) {
          if (rrow[i] === void 0) {
            rrow.push("");
          }
        }
        rrow.push(str2);
      });
    });
    return rrows;
  }
  negatePadding(col) {
    let wrapWidth = col.width || 0;
    if (col.padding) {
      wrapWidth -= (col.padding[left] || 0) + (col.padding[right] || 0);
    }
    if (col.border) {
      wrapWidth -= 4;
    }
    return wrapWidth;
  }
  columnWidths(row) {
    if (!this.wrap) {
      return row.map((col) => {
        return col.width || mixin.stringWidth(col.text);
      });
    }
    let unset = row.length;
    let remainingWidth = this.width;
    const widths = row.map((col) => {
      if (col.width) {
        unset--;
        remainingWidth -= col.width;
        return col.width;
      }
      return void 0;
    });
    const unsetWidth = unset ? Math.floor(remainingWidth / unset) : 0;
    return widths.map((w, i) => {
      if (w === void 0) {
        return Math.max(unsetWidth, _minWidth(row[i]));
      }
      return w;
    });
  }
};
function addBorder(col, ts, style) {
  if (col.border) {
    if (/[.']-+[.']/.test(ts)) {
      return "";
    }
    if (ts.trim().length !== 0) {
      return style;
    }
    return "  ";
  }
  return "";
}
function _minWidth(col) {
  const padding = col.padding || [];
  const minWidth = 1 + (padding[left] || 0) + (padding[right] || 0);
  if (col.border) {
    return minWidth + 4;
  }
  return minWidth;
}
function getWindowWidth() {
  if (typeof process === "object" && process.stdout && process.stdout.columns) {
    return process.stdout.columns;
  }
  return 80;
}
function alignRight(str2, width) {
  str2 = str2.trim();
  const strWidth = mixin.stringWidth(str2);
  if (strWidth < width) {
    return " ".repeat(width - strWidth) + str2;
  }
  return str2;
}
function alignCenter(str2, width) {
  str2 = str2.trim();
  const strWidth = mixin.stringWidth(str2);
  if (strWidth >= width) {
    return str2;
  }
  return " ".repeat(width - strWidth >> 1) + str2;
}
var mixin;
function cliui(opts, _mixin) {
  mixin = _mixin;
  return new UI({
    width: (opts === null || opts === void 0 ? void 0 : opts.width) || getWindowWidth(),
    wrap: opts === null || opts === void 0 ? void 0 : opts.wrap
  });
}

// node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint = 161;
var ambiguousMaximumCodePoint = 1114109;
var ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
var fullwidthMinimalCodePoint = 12288;
var fullwidthMaximumCodePoint = 65510;
var fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
var wideMinimalCodePoint = 4352;
var wideMaximumCodePoint = 262141;
var wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];

// node_modules/get-east-asian-width/utilities.js
var isInRange = (ranges, codePoint) => {
  let low = 0;
  let high = Math.floor(ranges.length / 2) - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const i = mid * 2;
    if (codePoint < ranges[i]) {
      high = mid - 1;
    } else if (codePoint > ranges[i + 1]) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
};

// node_modules/get-east-asian-width/lookup.js
var commonCjkCodePoint = 19968;
var [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var isAmbiguous = (codePoint) => {
  if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
    return false;
  }
  return isInRange(ambiguousRanges, codePoint);
};
var isFullwidth = (codePoint) => {
  if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
    return false;
  }
  return isInRange(fullwidthRanges, codePoint);
};
var isWide = (codePoint) => {
  if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
    return true;
  }
  if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
    return false;
  }
  return isInRange(wideRanges, codePoint);
};

// node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}

// node_modules/cliui/node_modules/string-width/index.js
var import_emoji_regex = __toESM(require_emoji_regex(), 1);
var segmenter = new Intl.Segmenter();
var defaultIgnorableCodePointRegex = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/wrap-ansi/node_modules/string-width/index.js
var import_emoji_regex2 = __toESM(require_emoji_regex(), 1);
var segmenter2 = new Intl.Segmenter();
var defaultIgnorableCodePointRegex2 = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth2(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter2.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex2.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex2.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET2 = 10;
var wrapAnsi162 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi2562 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m2 = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var styles3 = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  }
};
var modifierNames2 = Object.keys(styles3.modifier);
var foregroundColorNames2 = Object.keys(styles3.color);
var backgroundColorNames2 = Object.keys(styles3.bgColor);
var colorNames2 = [...foregroundColorNames2, ...backgroundColorNames2];
function assembleStyles2() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles3)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles3[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles3[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles3, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles3, "codes", {
    value: codes,
    enumerable: false
  });
  styles3.color.close = "\x1B[39m";
  styles3.bgColor.close = "\x1B[49m";
  styles3.color.ansi = wrapAnsi162();
  styles3.color.ansi256 = wrapAnsi2562();
  styles3.color.ansi16m = wrapAnsi16m2();
  styles3.bgColor.ansi = wrapAnsi162(ANSI_BACKGROUND_OFFSET2);
  styles3.bgColor.ansi256 = wrapAnsi2562(ANSI_BACKGROUND_OFFSET2);
  styles3.bgColor.ansi16m = wrapAnsi16m2(ANSI_BACKGROUND_OFFSET2);
  Object.defineProperties(styles3, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches3 = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches3) {
          return [0, 0, 0];
        }
        let [colorString] = matches3;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer2 = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer2 >> 16 & 255,
          integer2 >> 8 & 255,
          integer2 & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles3.rgbToAnsi256(...styles3.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles3.ansi256ToAnsi(styles3.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles3.ansi256ToAnsi(styles3.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles3;
}
var ansiStyles2 = assembleStyles2();
var ansi_styles_default2 = ansiStyles2;

// node_modules/wrap-ansi/index.js
var ESCAPES = /* @__PURE__ */ new Set([
  "\x1B",
  "\x9B"
]);
var END_CODE = 39;
var ANSI_ESCAPE_BELL = "\x07";
var ANSI_CSI = "[";
var ANSI_OSC = "]";
var ANSI_SGR_TERMINATOR = "m";
var ANSI_ESCAPE_LINK = `${ANSI_OSC}8;;`;
var wrapAnsiCode = (code) => `${ESCAPES.values().next().value}${ANSI_CSI}${code}${ANSI_SGR_TERMINATOR}`;
var wrapAnsiHyperlink = (url) => `${ESCAPES.values().next().value}${ANSI_ESCAPE_LINK}${url}${ANSI_ESCAPE_BELL}`;
var wordLengths = (string) => string.split(" ").map((character) => stringWidth2(character));
var wrapWord = (rows, word, columns) => {
  const characters = [...word];
  let isInsideEscape = false;
  let isInsideLinkEscape = false;
  let visible2 = stringWidth2(stripAnsi(rows.at(-1)));
  for (const [index, character] of characters.entries()) {
    const characterLength = stringWidth2(character);
    if (visible2 + characterLength <= columns) {
      rows[rows.length - 1] += character;
    } else {
      rows.push(character);
      visible2 = 0;
    }
    if (ESCAPES.has(character)) {
      isInsideEscape = true;
      const ansiEscapeLinkCandidate = characters.slice(index + 1, index + 1 + ANSI_ESCAPE_LINK.length).join("");
      isInsideLinkEscape = ansiEscapeLinkCandidate === ANSI_ESCAPE_LINK;
    }
    if (isInsideEscape) {
      if (isInsideLinkEscape) {
        if (character === ANSI_ESCAPE_BELL) {
          isInsideEscape = false;
          isInsideLinkEscape = false;
        }
      } else if (character === ANSI_SGR_TERMINATOR) {
        isInsideEscape = false;
      }
      continue;
    }
    visible2 += characterLength;
    if (visible2 === columns && index < characters.length - 1) {
      rows.push("");
      visible2 = 0;
    }
  }
  if (!visible2 && rows.at(-1).length > 0 && rows.length > 1) {
    rows[rows.length - 2] += rows.pop();
  }
};
var stringVisibleTrimSpacesRight = (string) => {
  const words = string.split(" ");
  let last = words.length;
  while (last > 0) {
    if (stringWidth2(words[last - 1]) > 0) {
      break;
    }
    last--;
  }
  if (last === words.length) {
    return string;
  }
  return words.slice(0, last).join(" ") + words.slice(last).join("");
};
var exec = (string, columns, options = {}) => {
  if (options.trim !== false && string.trim() === "") {
    return "";
  }
  let returnValue = "";
  let escapeCode;
  let escapeUrl;
  const lengths = wordLengths(string);
  let rows = [""];
  for (const [index, word] of string.split(" ").entries()) {
    if (options.trim !== false) {
      rows[rows.length - 1] = rows.at(-1).trimStart();
    }
    let rowLength = stringWidth2(rows.at(-1));
    if (index !== 0) {
      if (rowLength >= columns && (options.wordWrap === false || options.trim === false)) {
        rows.push("");
        rowLength = 0;
      }
      if (rowLength > 0 || options.trim === false) {
        rows[rows.length - 1] += " ";
        rowLength++;
      }
    }
    if (options.hard && lengths[index] > columns) {
      const remainingColumns = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((lengths[index] - remainingColumns - 1) / columns);
      const breaksStartingNextLine = Math.floor((lengths[index] - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) {
        rows.push("");
      }
      wrapWord(rows, word, columns);
      continue;
    }
    if (rowLength + lengths[index] > columns && rowLength > 0 && lengths[index] > 0) {
      if (options.wordWrap === false && rowLength < columns) {
        wrapWord(rows, word, columns);
        continue;
      }
      rows.push("");
    }
    if (rowLength + lengths[index] > columns && options.wordWrap === false) {
      wrapWord(rows, word, columns);
      continue;
    }
    rows[rows.length - 1] += word;
  }
  if (options.trim !== false) {
    rows = rows.map((row) => stringVisibleTrimSpacesRight(row));
  }
  const preString = rows.join("\n");
  const pre = [...preString];
  let preStringIndex = 0;
  for (const [index, character] of pre.entries()) {
    returnValue += character;
    if (ESCAPES.has(character)) {
      const { groups } = new RegExp(`(?:\\${ANSI_CSI}(?<code>\\d+)m|\\${ANSI_ESCAPE_LINK}(?<uri>.*)${ANSI_ESCAPE_BELL})`).exec(preString.slice(preStringIndex)) || { groups: {} };
      if (groups.code !== void 0) {
        const code2 = Number.parseFloat(groups.code);
        escapeCode = code2 === END_CODE ? void 0 : code2;
      } else if (groups.uri !== void 0) {
        escapeUrl = groups.uri.length === 0 ? void 0 : groups.uri;
      }
    }
    const code = ansi_styles_default2.codes.get(Number(escapeCode));
    if (pre[index + 1] === "\n") {
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink("");
      }
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(code);
      }
    } else if (character === "\n") {
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(escapeCode);
      }
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink(escapeUrl);
      }
    }
    preStringIndex += character.length;
  }
  return returnValue;
};
function wrapAnsi(string, columns, options) {
  return String(string).normalize().replaceAll("\r\n", "\n").split("\n").map((line) => exec(line, columns, options)).join("\n");
}

// node_modules/cliui/index.mjs
function ui(opts) {
  return cliui(opts, {
    stringWidth,
    stripAnsi,
    wrap: wrapAnsi
  });
}

// node_modules/escalade/sync/index.mjs
import { dirname, resolve } from "path";
import { readdirSync, statSync } from "fs";
function sync_default(start, callback) {
  let dir = resolve(".", start);
  let tmp, stats = statSync(dir);
  if (!stats.isDirectory()) {
    dir = dirname(dir);
  }
  while (true) {
    tmp = callback(dir, readdirSync(dir));
    if (tmp) return resolve(dir, tmp);
    dir = dirname(tmp = dir);
    if (tmp === dir) break;
  }
}

// node_modules/yargs/lib/platform-shims/esm.mjs
import { inspect } from "util";
import { fileURLToPath } from "url";

// node_modules/yargs-parser/build/lib/index.js
import { format } from "util";
import { normalize, resolve as resolve2 } from "path";

// node_modules/yargs-parser/build/lib/string-utils.js
function camelCase(str2) {
  const isCamelCase = str2 !== str2.toLowerCase() && str2 !== str2.toUpperCase();
  if (!isCamelCase) {
    str2 = str2.toLowerCase();
  }
  if (str2.indexOf("-") === -1 && str2.indexOf("_") === -1) {
    return str2;
  } else {
    let camelcase = "";
    let nextChrUpper = false;
    const leadingHyphens = str2.match(/^-+/);
    for (let i = leadingHyphens ? leadingHyphens[0].length : 0; i < str2.length; i++) {
      let chr = str2.charAt(i);
      if (nextChrUpper) {
        nextChrUpper = false;
        chr = chr.toUpperCase();
      }
      if (i !== 0 && (chr === "-" || chr === "_")) {
        nextChrUpper = true;
      } else if (chr !== "-" && chr !== "_") {
        camelcase += chr;
      }
    }
    return camelcase;
  }
}
function decamelize(str2, joinString) {
  const lowercase = str2.toLowerCase();
  joinString = joinString || "-";
  let notCamelcase = "";
  for (let i = 0; i < str2.length; i++) {
    const chrLower = lowercase.charAt(i);
    const chrString = str2.charAt(i);
    if (chrLower !== chrString && i > 0) {
      notCamelcase += `${joinString}${lowercase.charAt(i)}`;
    } else {
      notCamelcase += chrString;
    }
  }
  return notCamelcase;
}
function looksLikeNumber(x) {
  if (x === null || x === void 0)
    return false;
  if (typeof x === "number")
    return true;
  if (/^0x[0-9a-f]+$/i.test(x))
    return true;
  if (/^0[^.]/.test(x))
    return false;
  return /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(x);
}

// node_modules/yargs-parser/build/lib/tokenize-arg-string.js
function tokenizeArgString(argString) {
  if (Array.isArray(argString)) {
    return argString.map((e) => typeof e !== "string" ? e + "" : e);
  }
  argString = argString.trim();
  let i = 0;
  let prevC = null;
  let c = null;
  let opening = null;
  const args2 = [];
  for (let ii = 0; ii < argString.length; ii++) {
    prevC = c;
    c = argString.charAt(ii);
    if (c === " " && !opening) {
      if (!(prevC === " ")) {
        i++;
      }
      continue;
    }
    if (c === opening) {
      opening = null;
    } else if ((c === "'" || c === '"') && !opening) {
      opening = c;
    }
    if (!args2[i])
      args2[i] = "";
    args2[i] += c;
  }
  return args2;
}

// node_modules/yargs-parser/build/lib/yargs-parser-types.js
var DefaultValuesForTypeKey;
(function(DefaultValuesForTypeKey2) {
  DefaultValuesForTypeKey2["BOOLEAN"] = "boolean";
  DefaultValuesForTypeKey2["STRING"] = "string";
  DefaultValuesForTypeKey2["NUMBER"] = "number";
  DefaultValuesForTypeKey2["ARRAY"] = "array";
})(DefaultValuesForTypeKey || (DefaultValuesForTypeKey = {}));

// node_modules/yargs-parser/build/lib/yargs-parser.js
var mixin2;
var YargsParser = class {
  constructor(_mixin) {
    mixin2 = _mixin;
  }
  parse(argsInput, options) {
    const opts = Object.assign({
      alias: void 0,
      array: void 0,
      boolean: void 0,
      config: void 0,
      configObjects: void 0,
      configuration: void 0,
      coerce: void 0,
      count: void 0,
      default: void 0,
      envPrefix: void 0,
      narg: void 0,
      normalize: void 0,
      string: void 0,
      number: void 0,
      __: void 0,
      key: void 0
    }, options);
    const args2 = tokenizeArgString(argsInput);
    const inputIsString = typeof argsInput === "string";
    const aliases = combineAliases(Object.assign(/* @__PURE__ */ Object.create(null), opts.alias));
    const configuration = Object.assign({
      "boolean-negation": true,
      "camel-case-expansion": true,
      "combine-arrays": false,
      "dot-notation": true,
      "duplicate-arguments-array": true,
      "flatten-duplicate-arrays": true,
      "greedy-arrays": true,
      "halt-at-non-option": false,
      "nargs-eats-options": false,
      "negation-prefix": "no-",
      "parse-numbers": true,
      "parse-positional-numbers": true,
      "populate--": false,
      "set-placeholder-key": false,
      "short-option-groups": true,
      "strip-aliased": false,
      "strip-dashed": false,
      "unknown-options-as-args": false
    }, opts.configuration);
    const defaults = Object.assign(/* @__PURE__ */ Object.create(null), opts.default);
    const configObjects = opts.configObjects || [];
    const envPrefix = opts.envPrefix;
    const notFlagsOption = configuration["populate--"];
    const notFlagsArgv = notFlagsOption ? "--" : "_";
    const newAliases = /* @__PURE__ */ Object.create(null);
    const defaulted = /* @__PURE__ */ Object.create(null);
    const __ = opts.__ || mixin2.format;
    const flags = {
      aliases: /* @__PURE__ */ Object.create(null),
      arrays: /* @__PURE__ */ Object.create(null),
      bools: /* @__PURE__ */ Object.create(null),
      strings: /* @__PURE__ */ Object.create(null),
      numbers: /* @__PURE__ */ Object.create(null),
      counts: /* @__PURE__ */ Object.create(null),
      normalize: /* @__PURE__ */ Object.create(null),
      configs: /* @__PURE__ */ Object.create(null),
      nargs: /* @__PURE__ */ Object.create(null),
      coercions: /* @__PURE__ */ Object.create(null),
      keys: []
    };
    const negative = /^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$/;
    const negatedBoolean = new RegExp("^--" + configuration["negation-prefix"] + "(.+)");
    [].concat(opts.array || []).filter(Boolean).forEach(function(opt) {
      const key2 = typeof opt === "object" ? opt.key : opt;
      const assignment = Object.keys(opt).map(function(key3) {
        const arrayFlagKeys = {
          boolean: "bools",
          string: "strings",
          number: "numbers"
        };
        return arrayFlagKeys[key3];
      }).filter(Boolean).pop();
      if (assignment) {
        flags[assignment][key2] = true;
      }
      flags.arrays[key2] = true;
      flags.keys.push(key2);
    });
    [].concat(opts.boolean || []).filter(Boolean).forEach(function(key2) {
      flags.bools[key2] = true;
      flags.keys.push(key2);
    });
    [].concat(opts.string || []).filter(Boolean).forEach(function(key2) {
      flags.strings[key2] = true;
      flags.keys.push(key2);
    });
    [].concat(opts.number || []).filter(Boolean).forEach(function(key2) {
      flags.numbers[key2] = true;
      flags.keys.push(key2);
    });
    [].concat(opts.count || []).filter(Boolean).forEach(function(key2) {
      flags.counts[key2] = true;
      flags.keys.push(key2);
    });
    [].concat(opts.normalize || []).filter(Boolean).forEach(function(key2) {
      flags.normalize[key2] = true;
      flags.keys.push(key2);
    });
    if (typeof opts.narg === "object") {
      Object.entries(opts.narg).forEach(([key2, value]) => {
        if (typeof value === "number") {
          flags.nargs[key2] = value;
          flags.keys.push(key2);
        }
      });
    }
    if (typeof opts.coerce === "object") {
      Object.entries(opts.coerce).forEach(([key2, value]) => {
        if (typeof value === "function") {
          flags.coercions[key2] = value;
          flags.keys.push(key2);
        }
      });
    }
    if (typeof opts.config !== "undefined") {
      if (Array.isArray(opts.config) || typeof opts.config === "string") {
        ;
        [].concat(opts.config).filter(Boolean).forEach(function(key2) {
          flags.configs[key2] = true;
        });
      } else if (typeof opts.config === "object") {
        Object.entries(opts.config).forEach(([key2, value]) => {
          if (typeof value === "boolean" || typeof value === "function") {
            flags.configs[key2] = value;
          }
        });
      }
    }
    extendAliases(opts.key, aliases, opts.default, flags.arrays);
    Object.keys(defaults).forEach(function(key2) {
      (flags.aliases[key2] || []).forEach(function(alias) {
        defaults[alias] = defaults[key2];
      });
    });
    let error = null;
    checkConfiguration();
    let notFlags = [];
    const argv = Object.assign(/* @__PURE__ */ Object.create(null), { _: [] });
    const argvReturn = {};
    for (let i = 0; i < args2.length; i++) {
      const arg = args2[i];
      const truncatedArg = arg.replace(/^-{3,}/, "---");
      let broken;
      let key2;
      let letters;
      let m;
      let next;
      let value;
      if (arg !== "--" && /^-/.test(arg) && isUnknownOptionAsArg(arg)) {
        pushPositional(arg);
      } else if (truncatedArg.match(/^---+(=|$)/)) {
        pushPositional(arg);
        continue;
      } else if (arg.match(/^--.+=/) || !configuration["short-option-groups"] && arg.match(/^-.+=/)) {
        m = arg.match(/^--?([^=]+)=([\s\S]*)$/);
        if (m !== null && Array.isArray(m) && m.length >= 3) {
          if (checkAllAliases(m[1], flags.arrays)) {
            i = eatArray(i, m[1], args2, m[2]);
          } else if (checkAllAliases(m[1], flags.nargs) !== false) {
            i = eatNargs(i, m[1], args2, m[2]);
          } else {
            setArg(m[1], m[2], true);
          }
        }
      } else if (arg.match(negatedBoolean) && configuration["boolean-negation"]) {
        m = arg.match(negatedBoolean);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key2 = m[1];
          setArg(key2, checkAllAliases(key2, flags.arrays) ? [false] : false);
        }
      } else if (arg.match(/^--.+/) || !configuration["short-option-groups"] && arg.match(/^-[^-]+/)) {
        m = arg.match(/^--?(.+)/);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key2 = m[1];
          if (checkAllAliases(key2, flags.arrays)) {
            i = eatArray(i, key2, args2);
          } else if (checkAllAliases(key2, flags.nargs) !== false) {
            i = eatNargs(i, key2, args2);
          } else {
            next = args2[i + 1];
            if (next !== void 0 && (!next.match(/^-/) || next.match(negative)) && !checkAllAliases(key2, flags.bools) && !checkAllAliases(key2, flags.counts)) {
              setArg(key2, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key2, next);
              i++;
            } else {
              setArg(key2, defaultValue(key2));
            }
          }
        }
      } else if (arg.match(/^-.\..+=/)) {
        m = arg.match(/^-([^=]+)=([\s\S]*)$/);
        if (m !== null && Array.isArray(m) && m.length >= 3) {
          setArg(m[1], m[2]);
        }
      } else if (arg.match(/^-.\..+/) && !arg.match(negative)) {
        next = args2[i + 1];
        m = arg.match(/^-(.\..+)/);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key2 = m[1];
          if (next !== void 0 && !next.match(/^-/) && !checkAllAliases(key2, flags.bools) && !checkAllAliases(key2, flags.counts)) {
            setArg(key2, next);
            i++;
          } else {
            setArg(key2, defaultValue(key2));
          }
        }
      } else if (arg.match(/^-[^-]+/) && !arg.match(negative)) {
        letters = arg.slice(1, -1).split("");
        broken = false;
        for (let j = 0; j < letters.length; j++) {
          next = arg.slice(j + 2);
          if (letters[j + 1] && letters[j + 1] === "=") {
            value = arg.slice(j + 3);
            key2 = letters[j];
            if (checkAllAliases(key2, flags.arrays)) {
              i = eatArray(i, key2, args2, value);
            } else if (checkAllAliases(key2, flags.nargs) !== false) {
              i = eatNargs(i, key2, args2, value);
            } else {
              setArg(key2, value);
            }
            broken = true;
            break;
          }
          if (next === "-") {
            setArg(letters[j], next);
            continue;
          }
          if (/[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) && checkAllAliases(next, flags.bools) === false) {
            setArg(letters[j], next);
            broken = true;
            break;
          }
          if (letters[j + 1] && letters[j + 1].match(/\W/)) {
            setArg(letters[j], next);
            broken = true;
            break;
          } else {
            setArg(letters[j], defaultValue(letters[j]));
          }
        }
        key2 = arg.slice(-1)[0];
        if (!broken && key2 !== "-") {
          if (checkAllAliases(key2, flags.arrays)) {
            i = eatArray(i, key2, args2);
          } else if (checkAllAliases(key2, flags.nargs) !== false) {
            i = eatNargs(i, key2, args2);
          } else {
            next = args2[i + 1];
            if (next !== void 0 && (!/^(-|--)[^-]/.test(next) || next.match(negative)) && !checkAllAliases(key2, flags.bools) && !checkAllAliases(key2, flags.counts)) {
              setArg(key2, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key2, next);
              i++;
            } else {
              setArg(key2, defaultValue(key2));
            }
          }
        }
      } else if (arg.match(/^-[0-9]$/) && arg.match(negative) && checkAllAliases(arg.slice(1), flags.bools)) {
        key2 = arg.slice(1);
        setArg(key2, defaultValue(key2));
      } else if (arg === "--") {
        notFlags = args2.slice(i + 1);
        break;
      } else if (configuration["halt-at-non-option"]) {
        notFlags = args2.slice(i);
        break;
      } else {
        pushPositional(arg);
      }
    }
    applyEnvVars(argv, true);
    applyEnvVars(argv, false);
    setConfig(argv);
    setConfigObjects();
    applyDefaultsAndAliases(argv, flags.aliases, defaults, true);
    applyCoercions(argv);
    if (configuration["set-placeholder-key"])
      setPlaceholderKeys(argv);
    Object.keys(flags.counts).forEach(function(key2) {
      if (!hasKey(argv, key2.split(".")))
        setArg(key2, 0);
    });
    if (notFlagsOption && notFlags.length)
      argv[notFlagsArgv] = [];
    notFlags.forEach(function(key2) {
      argv[notFlagsArgv].push(key2);
    });
    if (configuration["camel-case-expansion"] && configuration["strip-dashed"]) {
      Object.keys(argv).filter((key2) => key2 !== "--" && key2.includes("-")).forEach((key2) => {
        delete argv[key2];
      });
    }
    if (configuration["strip-aliased"]) {
      ;
      [].concat(...Object.keys(aliases).map((k) => aliases[k])).forEach((alias) => {
        if (configuration["camel-case-expansion"] && alias.includes("-")) {
          delete argv[alias.split(".").map((prop) => camelCase(prop)).join(".")];
        }
        delete argv[alias];
      });
    }
    function pushPositional(arg) {
      const maybeCoercedNumber = maybeCoerceNumber("_", arg);
      if (typeof maybeCoercedNumber === "string" || typeof maybeCoercedNumber === "number") {
        argv._.push(maybeCoercedNumber);
      }
    }
    function eatNargs(i, key2, args3, argAfterEqualSign) {
      let ii;
      let toEat = checkAllAliases(key2, flags.nargs);
      toEat = typeof toEat !== "number" || isNaN(toEat) ? 1 : toEat;
      if (toEat === 0) {
        if (!isUndefined(argAfterEqualSign)) {
          error = Error(__("Argument unexpected for: %s", key2));
        }
        setArg(key2, defaultValue(key2));
        return i;
      }
      let available = isUndefined(argAfterEqualSign) ? 0 : 1;
      if (configuration["nargs-eats-options"]) {
        if (args3.length - (i + 1) + available < toEat) {
          error = Error(__("Not enough arguments following: %s", key2));
        }
        available = toEat;
      } else {
        for (ii = i + 1; ii < args3.length; ii++) {
          if (!args3[ii].match(/^-[^0-9]/) || args3[ii].match(negative) || isUnknownOptionAsArg(args3[ii]))
            available++;
          else
            break;
        }
        if (available < toEat)
          error = Error(__("Not enough arguments following: %s", key2));
      }
      let consumed = Math.min(available, toEat);
      if (!isUndefined(argAfterEqualSign) && consumed > 0) {
        setArg(key2, argAfterEqualSign);
        consumed--;
      }
      for (ii = i + 1; ii < consumed + i + 1; ii++) {
        setArg(key2, args3[ii]);
      }
      return i + consumed;
    }
    function eatArray(i, key2, args3, argAfterEqualSign) {
      let argsToSet = [];
      let next = argAfterEqualSign || args3[i + 1];
      const nargsCount = checkAllAliases(key2, flags.nargs);
      if (checkAllAliases(key2, flags.bools) && !/^(true|false)$/.test(next)) {
        argsToSet.push(true);
      } else if (isUndefined(next) || isUndefined(argAfterEqualSign) && /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next)) {
        if (defaults[key2] !== void 0) {
          const defVal = defaults[key2];
          argsToSet = Array.isArray(defVal) ? defVal : [defVal];
        }
      } else {
        if (!isUndefined(argAfterEqualSign)) {
          argsToSet.push(processValue(key2, argAfterEqualSign, true));
        }
        for (let ii = i + 1; ii < args3.length; ii++) {
          if (!configuration["greedy-arrays"] && argsToSet.length > 0 || nargsCount && typeof nargsCount === "number" && argsToSet.length >= nargsCount)
            break;
          next = args3[ii];
          if (/^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next))
            break;
          i = ii;
          argsToSet.push(processValue(key2, next, inputIsString));
        }
      }
      if (typeof nargsCount === "number" && (nargsCount && argsToSet.length < nargsCount || isNaN(nargsCount) && argsToSet.length === 0)) {
        error = Error(__("Not enough arguments following: %s", key2));
      }
      setArg(key2, argsToSet);
      return i;
    }
    function setArg(key2, val, shouldStripQuotes = inputIsString) {
      if (/-/.test(key2) && configuration["camel-case-expansion"]) {
        const alias = key2.split(".").map(function(prop) {
          return camelCase(prop);
        }).join(".");
        addNewAlias(key2, alias);
      }
      const value = processValue(key2, val, shouldStripQuotes);
      const splitKey = key2.split(".");
      setKey(argv, splitKey, value);
      if (flags.aliases[key2]) {
        flags.aliases[key2].forEach(function(x) {
          const keyProperties = x.split(".");
          setKey(argv, keyProperties, value);
        });
      }
      if (splitKey.length > 1 && configuration["dot-notation"]) {
        ;
        (flags.aliases[splitKey[0]] || []).forEach(function(x) {
          let keyProperties = x.split(".");
          const a = [].concat(splitKey);
          a.shift();
          keyProperties = keyProperties.concat(a);
          if (!(flags.aliases[key2] || []).includes(keyProperties.join("."))) {
            setKey(argv, keyProperties, value);
          }
        });
      }
      if (checkAllAliases(key2, flags.normalize) && !checkAllAliases(key2, flags.arrays)) {
        const keys = [key2].concat(flags.aliases[key2] || []);
        keys.forEach(function(key3) {
          Object.defineProperty(argvReturn, key3, {
            enumerable: true,
            get() {
              return val;
            },
            set(value2) {
              val = typeof value2 === "string" ? mixin2.normalize(value2) : value2;
            }
          });
        });
      }
    }
    function addNewAlias(key2, alias) {
      if (!(flags.aliases[key2] && flags.aliases[key2].length)) {
        flags.aliases[key2] = [alias];
        newAliases[alias] = true;
      }
      if (!(flags.aliases[alias] && flags.aliases[alias].length)) {
        addNewAlias(alias, key2);
      }
    }
    function processValue(key2, val, shouldStripQuotes) {
      if (shouldStripQuotes) {
        val = stripQuotes(val);
      }
      if (checkAllAliases(key2, flags.bools) || checkAllAliases(key2, flags.counts)) {
        if (typeof val === "string")
          val = val === "true";
      }
      let value = Array.isArray(val) ? val.map(function(v) {
        return maybeCoerceNumber(key2, v);
      }) : maybeCoerceNumber(key2, val);
      if (checkAllAliases(key2, flags.counts) && (isUndefined(value) || typeof value === "boolean")) {
        value = increment();
      }
      if (checkAllAliases(key2, flags.normalize) && checkAllAliases(key2, flags.arrays)) {
        if (Array.isArray(val))
          value = val.map((val2) => {
            return mixin2.normalize(val2);
          });
        else
          value = mixin2.normalize(val);
      }
      return value;
    }
    function maybeCoerceNumber(key2, value) {
      if (!configuration["parse-positional-numbers"] && key2 === "_")
        return value;
      if (!checkAllAliases(key2, flags.strings) && !checkAllAliases(key2, flags.bools) && !Array.isArray(value)) {
        const shouldCoerceNumber = looksLikeNumber(value) && configuration["parse-numbers"] && Number.isSafeInteger(Math.floor(parseFloat(`${value}`)));
        if (shouldCoerceNumber || !isUndefined(value) && checkAllAliases(key2, flags.numbers)) {
          value = Number(value);
        }
      }
      return value;
    }
    function setConfig(argv2) {
      const configLookup = /* @__PURE__ */ Object.create(null);
      applyDefaultsAndAliases(configLookup, flags.aliases, defaults);
      Object.keys(flags.configs).forEach(function(configKey) {
        const configPath = argv2[configKey] || configLookup[configKey];
        if (configPath) {
          try {
            let config = null;
            const resolvedConfigPath = mixin2.resolve(mixin2.cwd(), configPath);
            const resolveConfig = flags.configs[configKey];
            if (typeof resolveConfig === "function") {
              try {
                config = resolveConfig(resolvedConfigPath);
              } catch (e) {
                config = e;
              }
              if (config instanceof Error) {
                error = config;
                return;
              }
            } else {
              config = mixin2.require(resolvedConfigPath);
            }
            setConfigObject(config);
          } catch (ex) {
            if (ex.name === "PermissionDenied")
              error = ex;
            else if (argv2[configKey])
              error = Error(__("Invalid JSON config file: %s", configPath));
          }
        }
      });
    }
    function setConfigObject(config, prev) {
      Object.keys(config).forEach(function(key2) {
        const value = config[key2];
        const fullKey = prev ? prev + "." + key2 : key2;
        if (typeof value === "object" && value !== null && !Array.isArray(value) && configuration["dot-notation"]) {
          setConfigObject(value, fullKey);
        } else {
          if (!hasKey(argv, fullKey.split(".")) || checkAllAliases(fullKey, flags.arrays) && configuration["combine-arrays"]) {
            setArg(fullKey, value);
          }
        }
      });
    }
    function setConfigObjects() {
      if (typeof configObjects !== "undefined") {
        configObjects.forEach(function(configObject) {
          setConfigObject(configObject);
        });
      }
    }
    function applyEnvVars(argv2, configOnly) {
      if (typeof envPrefix === "undefined")
        return;
      const prefix = typeof envPrefix === "string" ? envPrefix : "";
      const env3 = mixin2.env();
      Object.keys(env3).forEach(function(envVar) {
        if (prefix === "" || envVar.lastIndexOf(prefix, 0) === 0) {
          const keys = envVar.split("__").map(function(key2, i) {
            if (i === 0) {
              key2 = key2.substring(prefix.length);
            }
            return camelCase(key2);
          });
          if ((configOnly && flags.configs[keys.join(".")] || !configOnly) && !hasKey(argv2, keys)) {
            setArg(keys.join("."), env3[envVar]);
          }
        }
      });
    }
    function applyCoercions(argv2) {
      let coerce2;
      const applied = /* @__PURE__ */ new Set();
      Object.keys(argv2).forEach(function(key2) {
        if (!applied.has(key2)) {
          coerce2 = checkAllAliases(key2, flags.coercions);
          if (typeof coerce2 === "function") {
            try {
              const value = maybeCoerceNumber(key2, coerce2(argv2[key2]));
              [].concat(flags.aliases[key2] || [], key2).forEach((ali) => {
                applied.add(ali);
                argv2[ali] = value;
              });
            } catch (err) {
              error = err;
            }
          }
        }
      });
    }
    function setPlaceholderKeys(argv2) {
      flags.keys.forEach((key2) => {
        if (~key2.indexOf("."))
          return;
        if (typeof argv2[key2] === "undefined")
          argv2[key2] = void 0;
      });
      return argv2;
    }
    function applyDefaultsAndAliases(obj, aliases2, defaults2, canLog = false) {
      Object.keys(defaults2).forEach(function(key2) {
        if (!hasKey(obj, key2.split("."))) {
          setKey(obj, key2.split("."), defaults2[key2]);
          if (canLog)
            defaulted[key2] = true;
          (aliases2[key2] || []).forEach(function(x) {
            if (hasKey(obj, x.split(".")))
              return;
            setKey(obj, x.split("."), defaults2[key2]);
          });
        }
      });
    }
    function hasKey(obj, keys) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key3) {
        o = o[key3] || {};
      });
      const key2 = keys[keys.length - 1];
      if (typeof o !== "object")
        return false;
      else
        return key2 in o;
    }
    function setKey(obj, keys, value) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key3) {
        key3 = sanitizeKey(key3);
        if (typeof o === "object" && o[key3] === void 0) {
          o[key3] = {};
        }
        if (typeof o[key3] !== "object" || Array.isArray(o[key3])) {
          if (Array.isArray(o[key3])) {
            o[key3].push({});
          } else {
            o[key3] = [o[key3], {}];
          }
          o = o[key3][o[key3].length - 1];
        } else {
          o = o[key3];
        }
      });
      const key2 = sanitizeKey(keys[keys.length - 1]);
      const isTypeArray = checkAllAliases(keys.join("."), flags.arrays);
      const isValueArray = Array.isArray(value);
      let duplicate = configuration["duplicate-arguments-array"];
      if (!duplicate && checkAllAliases(key2, flags.nargs)) {
        duplicate = true;
        if (!isUndefined(o[key2]) && flags.nargs[key2] === 1 || Array.isArray(o[key2]) && o[key2].length === flags.nargs[key2]) {
          o[key2] = void 0;
        }
      }
      if (value === increment()) {
        o[key2] = increment(o[key2]);
      } else if (Array.isArray(o[key2])) {
        if (duplicate && isTypeArray && isValueArray) {
          o[key2] = configuration["flatten-duplicate-arrays"] ? o[key2].concat(value) : (Array.isArray(o[key2][0]) ? o[key2] : [o[key2]]).concat([value]);
        } else if (!duplicate && Boolean(isTypeArray) === Boolean(isValueArray)) {
          o[key2] = value;
        } else {
          o[key2] = o[key2].concat([value]);
        }
      } else if (o[key2] === void 0 && isTypeArray) {
        o[key2] = isValueArray ? value : [value];
      } else if (duplicate && !(o[key2] === void 0 || checkAllAliases(key2, flags.counts) || checkAllAliases(key2, flags.bools))) {
        o[key2] = [o[key2], value];
      } else {
        o[key2] = value;
      }
    }
    function extendAliases(...args3) {
      args3.forEach(function(obj) {
        Object.keys(obj || {}).forEach(function(key2) {
          if (flags.aliases[key2])
            return;
          flags.aliases[key2] = [].concat(aliases[key2] || []);
          flags.aliases[key2].concat(key2).forEach(function(x) {
            if (/-/.test(x) && configuration["camel-case-expansion"]) {
              const c = camelCase(x);
              if (c !== key2 && flags.aliases[key2].indexOf(c) === -1) {
                flags.aliases[key2].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key2].concat(key2).forEach(function(x) {
            if (x.length > 1 && /[A-Z]/.test(x) && configuration["camel-case-expansion"]) {
              const c = decamelize(x, "-");
              if (c !== key2 && flags.aliases[key2].indexOf(c) === -1) {
                flags.aliases[key2].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key2].forEach(function(x) {
            flags.aliases[x] = [key2].concat(flags.aliases[key2].filter(function(y) {
              return x !== y;
            }));
          });
        });
      });
    }
    function checkAllAliases(key2, flag) {
      const toCheck = [].concat(flags.aliases[key2] || [], key2);
      const keys = Object.keys(flag);
      const setAlias = toCheck.find((key3) => keys.includes(key3));
      return setAlias ? flag[setAlias] : false;
    }
    function hasAnyFlag(key2) {
      const flagsKeys = Object.keys(flags);
      const toCheck = [].concat(flagsKeys.map((k) => flags[k]));
      return toCheck.some(function(flag) {
        return Array.isArray(flag) ? flag.includes(key2) : flag[key2];
      });
    }
    function hasFlagsMatching(arg, ...patterns) {
      const toCheck = [].concat(...patterns);
      return toCheck.some(function(pattern2) {
        const match = arg.match(pattern2);
        return match && hasAnyFlag(match[1]);
      });
    }
    function hasAllShortFlags(arg) {
      if (arg.match(negative) || !arg.match(/^-[^-]+/)) {
        return false;
      }
      let hasAllFlags = true;
      let next;
      const letters = arg.slice(1).split("");
      for (let j = 0; j < letters.length; j++) {
        next = arg.slice(j + 2);
        if (!hasAnyFlag(letters[j])) {
          hasAllFlags = false;
          break;
        }
        if (letters[j + 1] && letters[j + 1] === "=" || next === "-" || /[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) || letters[j + 1] && letters[j + 1].match(/\W/)) {
          break;
        }
      }
      return hasAllFlags;
    }
    function isUnknownOptionAsArg(arg) {
      return configuration["unknown-options-as-args"] && isUnknownOption(arg);
    }
    function isUnknownOption(arg) {
      arg = arg.replace(/^-{3,}/, "--");
      if (arg.match(negative)) {
        return false;
      }
      if (hasAllShortFlags(arg)) {
        return false;
      }
      const flagWithEquals = /^-+([^=]+?)=[\s\S]*$/;
      const normalFlag = /^-+([^=]+?)$/;
      const flagEndingInHyphen = /^-+([^=]+?)-$/;
      const flagEndingInDigits = /^-+([^=]+?\d+)$/;
      const flagEndingInNonWordCharacters = /^-+([^=]+?)\W+.*$/;
      return !hasFlagsMatching(arg, flagWithEquals, negatedBoolean, normalFlag, flagEndingInHyphen, flagEndingInDigits, flagEndingInNonWordCharacters);
    }
    function defaultValue(key2) {
      if (!checkAllAliases(key2, flags.bools) && !checkAllAliases(key2, flags.counts) && `${key2}` in defaults) {
        return defaults[key2];
      } else {
        return defaultForType(guessType2(key2));
      }
    }
    function defaultForType(type) {
      const def = {
        [DefaultValuesForTypeKey.BOOLEAN]: true,
        [DefaultValuesForTypeKey.STRING]: "",
        [DefaultValuesForTypeKey.NUMBER]: void 0,
        [DefaultValuesForTypeKey.ARRAY]: []
      };
      return def[type];
    }
    function guessType2(key2) {
      let type = DefaultValuesForTypeKey.BOOLEAN;
      if (checkAllAliases(key2, flags.strings))
        type = DefaultValuesForTypeKey.STRING;
      else if (checkAllAliases(key2, flags.numbers))
        type = DefaultValuesForTypeKey.NUMBER;
      else if (checkAllAliases(key2, flags.bools))
        type = DefaultValuesForTypeKey.BOOLEAN;
      else if (checkAllAliases(key2, flags.arrays))
        type = DefaultValuesForTypeKey.ARRAY;
      return type;
    }
    function isUndefined(num5) {
      return num5 === void 0;
    }
    function checkConfiguration() {
      Object.keys(flags.counts).find((key2) => {
        if (checkAllAliases(key2, flags.arrays)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.array.", key2));
          return true;
        } else if (checkAllAliases(key2, flags.nargs)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.narg.", key2));
          return true;
        }
        return false;
      });
    }
    return {
      aliases: Object.assign({}, flags.aliases),
      argv: Object.assign(argvReturn, argv),
      configuration,
      defaulted: Object.assign({}, defaulted),
      error,
      newAliases: Object.assign({}, newAliases)
    };
  }
};
function combineAliases(aliases) {
  const aliasArrays = [];
  const combined = /* @__PURE__ */ Object.create(null);
  let change = true;
  Object.keys(aliases).forEach(function(key2) {
    aliasArrays.push([].concat(aliases[key2], key2));
  });
  while (change) {
    change = false;
    for (let i = 0; i < aliasArrays.length; i++) {
      for (let ii = i + 1; ii < aliasArrays.length; ii++) {
        const intersect = aliasArrays[i].filter(function(v) {
          return aliasArrays[ii].indexOf(v) !== -1;
        });
        if (intersect.length) {
          aliasArrays[i] = aliasArrays[i].concat(aliasArrays[ii]);
          aliasArrays.splice(ii, 1);
          change = true;
          break;
        }
      }
    }
  }
  aliasArrays.forEach(function(aliasArray) {
    aliasArray = aliasArray.filter(function(v, i, self) {
      return self.indexOf(v) === i;
    });
    const lastAlias = aliasArray.pop();
    if (lastAlias !== void 0 && typeof lastAlias === "string") {
      combined[lastAlias] = aliasArray;
    }
  });
  return combined;
}
function increment(orig) {
  return orig !== void 0 ? orig + 1 : 1;
}
function sanitizeKey(key2) {
  if (key2 === "__proto__")
    return "___proto___";
  return key2;
}
function stripQuotes(val) {
  return typeof val === "string" && (val[0] === "'" || val[0] === '"') && val[val.length - 1] === val[0] ? val.substring(1, val.length - 1) : val;
}

// node_modules/yargs-parser/build/lib/index.js
import { readFileSync as readFileSync2 } from "fs";
import { createRequire as createRequire2 } from "node:module";
var _a;
var _b;
var _c;
var minNodeVersion = process && process.env && process.env.YARGS_MIN_NODE_VERSION ? Number(process.env.YARGS_MIN_NODE_VERSION) : 20;
var nodeVersion = (_b = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node) !== null && _b !== void 0 ? _b : (_c = process === null || process === void 0 ? void 0 : process.version) === null || _c === void 0 ? void 0 : _c.slice(1);
if (nodeVersion) {
  const major = Number(nodeVersion.match(/^([^.]+)/)[1]);
  if (major < minNodeVersion) {
    throw Error(`yargs parser supports a minimum Node.js version of ${minNodeVersion}. Read our version support policy: https://github.com/yargs/yargs-parser#supported-nodejs-versions`);
  }
}
var env2 = process ? process.env : {};
var require2 = createRequire2 ? createRequire2(import.meta.url) : void 0;
var parser = new YargsParser({
  cwd: process.cwd,
  env: () => {
    return env2;
  },
  format,
  normalize,
  resolve: resolve2,
  require: (path) => {
    if (typeof require2 !== "undefined") {
      return require2(path);
    } else if (path.match(/\.json$/)) {
      return JSON.parse(readFileSync2(path, "utf8"));
    } else {
      throw Error("only .json config files are supported in ESM");
    }
  }
});
var yargsParser = function Parser(args2, opts) {
  const result = parser.parse(args2.slice(), opts);
  return result.argv;
};
yargsParser.detailed = function(args2, opts) {
  return parser.parse(args2.slice(), opts);
};
yargsParser.camelCase = camelCase;
yargsParser.decamelize = decamelize;
yargsParser.looksLikeNumber = looksLikeNumber;
var lib_default = yargsParser;

// node_modules/yargs/lib/platform-shims/esm.mjs
import { basename, dirname as dirname2, extname, relative, resolve as resolve4, join as join2 } from "path";

// node_modules/yargs/build/lib/utils/process-argv.js
function getProcessArgvBinIndex() {
  if (isBundledElectronApp())
    return 0;
  return 1;
}
function isBundledElectronApp() {
  return isElectronApp() && !process.defaultApp;
}
function isElectronApp() {
  return !!process.versions.electron;
}
function getProcessArgvBin() {
  return process.argv[getProcessArgvBinIndex()];
}

// node_modules/string-width/index.js
var segmenter3 = new Intl.Segmenter();
var visibleCharacterRegex = new RegExp("[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]", "v");
var spacingMarkRegex = new RegExp("\\p{Spacing_Mark}", "v");
var rgiEmojiRegex = new RegExp("^\\p{RGI_Emoji}$", "v");
var unqualifiedKeycapRegex = /^[\d#*]\u20E3$/;
var extendedPictographicRegex = new RegExp("\\p{Extended_Pictographic}", "gu");
function isDoubleWidthNonRgiEmojiSequence(segment) {
  if (segment.length > 50) {
    return false;
  }
  if (unqualifiedKeycapRegex.test(segment)) {
    return true;
  }
  if (segment.includes("\u200D")) {
    const pictographics = segment.match(extendedPictographicRegex);
    return pictographics !== null && pictographics.length >= 2;
  }
  return false;
}
function baseVisible(segment) {
  const index = segment.search(visibleCharacterRegex);
  return index === -1 ? void 0 : segment.slice(index);
}
function isHangulLeadingJamo(codePoint) {
  return codePoint >= 4352 && codePoint <= 4447 || codePoint >= 43360 && codePoint <= 43388;
}
function isHangulVowelJamo(codePoint) {
  return codePoint >= 4448 && codePoint <= 4519 || codePoint >= 55216 && codePoint <= 55238;
}
function isHangulTrailingJamo(codePoint) {
  return codePoint >= 4520 && codePoint <= 4607 || codePoint >= 55243 && codePoint <= 55291;
}
function isHangulJamo(codePoint) {
  return isHangulLeadingJamo(codePoint) || isHangulVowelJamo(codePoint) || isHangulTrailingJamo(codePoint);
}
function hangulClusterWidth(visibleSegment, eastAsianWidthOptions) {
  const codePoints = [];
  for (const character of visibleSegment) {
    if (!visibleCharacterRegex.test(character)) {
      continue;
    }
    codePoints.push(character.codePointAt(0));
  }
  if (codePoints.length === 0) {
    return void 0;
  }
  let width = 0;
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index];
    if (!isHangulJamo(codePoint)) {
      if (width === 0) {
        return void 0;
      }
      for (let remaining = index; remaining < codePoints.length; remaining++) {
        width += eastAsianWidth(codePoints[remaining], eastAsianWidthOptions);
      }
      return width;
    }
    if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(codePoints[index + 1])) {
      width += 2;
      index += isHangulTrailingJamo(codePoints[index + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}
function trailingWidth(visibleSegment, eastAsianWidthOptions) {
  let extra = 0;
  let first = true;
  for (const character of visibleSegment) {
    if (first) {
      first = false;
      continue;
    }
    if (spacingMarkRegex.test(character) || character >= "\uFF00" && character <= "\uFFEF") {
      extra += eastAsianWidth(character.codePointAt(0), eastAsianWidthOptions);
    }
  }
  return extra;
}
function stringWidth3(input, options = {}) {
  if (typeof input !== "string" || input.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  let string = input;
  if (!countAnsiEscapeCodes && (string.includes("\x1B") || string.includes("\x9B"))) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  if (/^[\u0020-\u007E]*$/.test(string)) {
    return string.length;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment } of segmenter3.segment(string)) {
    const visibleSegment = baseVisible(segment);
    if (visibleSegment === void 0) {
      continue;
    }
    if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {
      width += 2;
      continue;
    }
    const hangulWidth = hangulClusterWidth(visibleSegment, eastAsianWidthOptions);
    if (hangulWidth !== void 0) {
      width += hangulWidth;
      continue;
    }
    const codePoint = visibleSegment.codePointAt(0);
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
    width += trailingWidth(visibleSegment, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/y18n/build/lib/platform-shims/node.js
import { readFileSync as readFileSync3, statSync as statSync2, writeFile } from "fs";
import { format as format2 } from "util";
import { resolve as resolve3 } from "path";
var node_default = {
  fs: {
    readFileSync: readFileSync3,
    writeFile
  },
  format: format2,
  resolve: resolve3,
  exists: (file) => {
    try {
      return statSync2(file).isFile();
    } catch (err) {
      return false;
    }
  }
};

// node_modules/y18n/build/lib/index.js
var shim;
var Y18N = class {
  constructor(opts) {
    opts = opts || {};
    this.directory = opts.directory || "./locales";
    this.updateFiles = typeof opts.updateFiles === "boolean" ? opts.updateFiles : true;
    this.locale = opts.locale || "en";
    this.fallbackToLanguage = typeof opts.fallbackToLanguage === "boolean" ? opts.fallbackToLanguage : true;
    this.cache = /* @__PURE__ */ Object.create(null);
    this.writeQueue = [];
  }
  __(...args2) {
    if (typeof arguments[0] !== "string") {
      return this._taggedLiteral(arguments[0], ...arguments);
    }
    const str2 = args2.shift();
    let cb = function() {
    };
    if (typeof args2[args2.length - 1] === "function")
      cb = args2.pop();
    cb = cb || function() {
    };
    if (!this.cache[this.locale])
      this._readLocaleFile();
    if (!this.cache[this.locale][str2] && this.updateFiles) {
      this.cache[this.locale][str2] = str2;
      this._enqueueWrite({
        directory: this.directory,
        locale: this.locale,
        cb
      });
    } else {
      cb();
    }
    return shim.format.apply(shim.format, [this.cache[this.locale][str2] || str2].concat(args2));
  }
  __n() {
    const args2 = Array.prototype.slice.call(arguments);
    const singular = args2.shift();
    const plural = args2.shift();
    const quantity = args2.shift();
    let cb = function() {
    };
    if (typeof args2[args2.length - 1] === "function")
      cb = args2.pop();
    if (!this.cache[this.locale])
      this._readLocaleFile();
    let str2 = quantity === 1 ? singular : plural;
    if (this.cache[this.locale][singular]) {
      const entry = this.cache[this.locale][singular];
      str2 = entry[quantity === 1 ? "one" : "other"];
    }
    if (!this.cache[this.locale][singular] && this.updateFiles) {
      this.cache[this.locale][singular] = {
        one: singular,
        other: plural
      };
      this._enqueueWrite({
        directory: this.directory,
        locale: this.locale,
        cb
      });
    } else {
      cb();
    }
    const values = [str2];
    if (~str2.indexOf("%d"))
      values.push(quantity);
    return shim.format.apply(shim.format, values.concat(args2));
  }
  setLocale(locale) {
    this.locale = locale;
  }
  getLocale() {
    return this.locale;
  }
  updateLocale(obj) {
    if (!this.cache[this.locale])
      this._readLocaleFile();
    for (const key2 in obj) {
      if (Object.prototype.hasOwnProperty.call(obj, key2)) {
        this.cache[this.locale][key2] = obj[key2];
      }
    }
  }
  _taggedLiteral(parts, ...args2) {
    let str2 = "";
    parts.forEach(function(part, i) {
      const arg = args2[i + 1];
      str2 += part;
      if (typeof arg !== "undefined") {
        str2 += "%s";
      }
    });
    return this.__.apply(this, [str2].concat([].slice.call(args2, 1)));
  }
  _enqueueWrite(work) {
    this.writeQueue.push(work);
    if (this.writeQueue.length === 1)
      this._processWriteQueue();
  }
  _processWriteQueue() {
    const _this = this;
    const work = this.writeQueue[0];
    const directory = work.directory;
    const locale = work.locale;
    const cb = work.cb;
    const languageFile = this._resolveLocaleFile(directory, locale);
    const serializedLocale = JSON.stringify(this.cache[locale], null, 2);
    shim.fs.writeFile(languageFile, serializedLocale, "utf-8", function(err) {
      _this.writeQueue.shift();
      if (_this.writeQueue.length > 0)
        _this._processWriteQueue();
      cb(err);
    });
  }
  _readLocaleFile() {
    let localeLookup = {};
    const languageFile = this._resolveLocaleFile(this.directory, this.locale);
    try {
      if (shim.fs.readFileSync) {
        localeLookup = JSON.parse(shim.fs.readFileSync(languageFile, "utf-8"));
      }
    } catch (err) {
      if (err instanceof SyntaxError) {
        err.message = "syntax error in " + languageFile;
      }
      if (err.code === "ENOENT")
        localeLookup = {};
      else
        throw err;
    }
    this.cache[this.locale] = localeLookup;
  }
  _resolveLocaleFile(directory, locale) {
    let file = shim.resolve(directory, "./", locale + ".json");
    if (this.fallbackToLanguage && !this._fileExistsSync(file) && ~locale.lastIndexOf("_")) {
      const languageFile = shim.resolve(directory, "./", locale.split("_")[0] + ".json");
      if (this._fileExistsSync(languageFile))
        file = languageFile;
    }
    return file;
  }
  _fileExistsSync(file) {
    return shim.exists(file);
  }
};
function y18n(opts, _shim) {
  shim = _shim;
  const y18n3 = new Y18N(opts);
  return {
    __: y18n3.__.bind(y18n3),
    __n: y18n3.__n.bind(y18n3),
    setLocale: y18n3.setLocale.bind(y18n3),
    getLocale: y18n3.getLocale.bind(y18n3),
    updateLocale: y18n3.updateLocale.bind(y18n3),
    locale: y18n3.locale
  };
}

// node_modules/y18n/index.mjs
var y18n2 = (opts) => {
  return y18n(opts, node_default);
};
var y18n_default = y18n2;

// node_modules/yargs/lib/platform-shims/esm.mjs
var import_get_caller_file = __toESM(require_get_caller_file(), 1);
import { createRequire as createRequire3 } from "node:module";
import { readFileSync as readFileSync4, readdirSync as readdirSync2 } from "node:fs";
var __dirname = fileURLToPath(import.meta.url);
var mainFilename = __dirname.substring(0, __dirname.lastIndexOf("node_modules"));
var require3 = createRequire3(import.meta.url);
var esm_default = {
  assert: {
    notStrictEqual,
    strictEqual
  },
  cliui: ui,
  findUp: sync_default,
  getEnv: (key2) => {
    return process.env[key2];
  },
  inspect,
  getProcessArgvBin,
  mainFilename: mainFilename || process.cwd(),
  Parser: lib_default,
  path: {
    basename,
    dirname: dirname2,
    extname,
    relative,
    resolve: resolve4,
    join: join2
  },
  process: {
    argv: () => process.argv,
    cwd: process.cwd,
    emitWarning: (warning, type) => process.emitWarning(warning, type),
    execPath: () => process.execPath,
    exit: (code) => {
      process.exit(code);
    },
    nextTick: process.nextTick,
    stdColumns: typeof process.stdout.columns !== "undefined" ? process.stdout.columns : null
  },
  readFileSync: readFileSync4,
  readdirSync: readdirSync2,
  require: require3,
  getCallerFile: () => {
    const callerFile = (0, import_get_caller_file.default)(3);
    return callerFile.match(/^file:\/\//) ? fileURLToPath(callerFile) : callerFile;
  },
  stringWidth: stringWidth3,
  y18n: y18n_default({
    directory: resolve4(__dirname, "../../../locales"),
    updateFiles: false
  })
};

// node_modules/yargs/build/lib/typings/common-types.js
function assertNotStrictEqual(actual, expected, shim3, message) {
  shim3.assert.notStrictEqual(actual, expected, message);
}
function assertSingleKey(actual, shim3) {
  shim3.assert.strictEqual(typeof actual, "string");
}
function objectKeys(object) {
  return Object.keys(object);
}

// node_modules/yargs/build/lib/utils/is-promise.js
function isPromise(maybePromise) {
  return !!maybePromise && !!maybePromise.then && typeof maybePromise.then === "function";
}

// node_modules/yargs/build/lib/yerror.js
var YError = class _YError extends Error {
  constructor(msg) {
    super(msg || "yargs error");
    this.name = "YError";
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, _YError);
    }
  }
};

// node_modules/yargs/build/lib/parse-command.js
function parseCommand(cmd) {
  const extraSpacesStrippedCommand = cmd.replace(/\s{2,}/g, " ");
  const splitCommand = extraSpacesStrippedCommand.split(/\s+(?![^[]*]|[^<]*>)/);
  const bregex = /\.*[\][<>]/g;
  const firstCommand = splitCommand.shift();
  if (!firstCommand)
    throw new Error(`No command found in: ${cmd}`);
  const parsedCommand = {
    cmd: firstCommand.replace(bregex, ""),
    demanded: [],
    optional: []
  };
  splitCommand.forEach((cmd2, i) => {
    let variadic = false;
    cmd2 = cmd2.replace(/\s/g, "");
    if (/\.+[\]>]/.test(cmd2) && i === splitCommand.length - 1)
      variadic = true;
    if (/^\[/.test(cmd2)) {
      parsedCommand.optional.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    } else {
      parsedCommand.demanded.push({
        cmd: cmd2.replace(bregex, "").split("|"),
        variadic
      });
    }
  });
  return parsedCommand;
}

// node_modules/yargs/build/lib/argsert.js
var positionName = ["first", "second", "third", "fourth", "fifth", "sixth"];
function argsert(arg1, arg2, arg3) {
  function parseArgs() {
    return typeof arg1 === "object" ? [{ demanded: [], optional: [] }, arg1, arg2] : [
      parseCommand(`cmd ${arg1}`),
      arg2,
      arg3
    ];
  }
  try {
    let position = 0;
    const [parsed, callerArguments, _length] = parseArgs();
    const args2 = [].slice.call(callerArguments);
    while (args2.length && args2[args2.length - 1] === void 0)
      args2.pop();
    const length = _length || args2.length;
    if (length < parsed.demanded.length) {
      throw new YError(`Not enough arguments provided. Expected ${parsed.demanded.length} but received ${args2.length}.`);
    }
    const totalCommands = parsed.demanded.length + parsed.optional.length;
    if (length > totalCommands) {
      throw new YError(`Too many arguments provided. Expected max ${totalCommands} but received ${length}.`);
    }
    parsed.demanded.forEach((demanded) => {
      const arg = args2.shift();
      const observedType = guessType(arg);
      const matchingTypes = demanded.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, demanded.cmd, position);
      position += 1;
    });
    parsed.optional.forEach((optional) => {
      if (args2.length === 0)
        return;
      const arg = args2.shift();
      const observedType = guessType(arg);
      const matchingTypes = optional.cmd.filter((type) => type === observedType || type === "*");
      if (matchingTypes.length === 0)
        argumentTypeError(observedType, optional.cmd, position);
      position += 1;
    });
  } catch (err) {
    console.warn(err.stack);
  }
}
function guessType(arg) {
  if (Array.isArray(arg)) {
    return "array";
  } else if (arg === null) {
    return "null";
  }
  return typeof arg;
}
function argumentTypeError(observedType, allowedTypes, position) {
  throw new YError(`Invalid ${positionName[position] || "manyith"} argument. Expected ${allowedTypes.join(" or ")} but received ${observedType}.`);
}

// node_modules/yargs/build/lib/middleware.js
var GlobalMiddleware = class {
  constructor(yargs) {
    this.globalMiddleware = [];
    this.frozens = [];
    this.yargs = yargs;
  }
  addMiddleware(callback, applyBeforeValidation, global = true, mutates = false) {
    argsert("<array|function> [boolean] [boolean] [boolean]", [callback, applyBeforeValidation, global], arguments.length);
    if (Array.isArray(callback)) {
      for (let i = 0; i < callback.length; i++) {
        if (typeof callback[i] !== "function") {
          throw Error("middleware must be a function");
        }
        const m = callback[i];
        m.applyBeforeValidation = applyBeforeValidation;
        m.global = global;
      }
      Array.prototype.push.apply(this.globalMiddleware, callback);
    } else if (typeof callback === "function") {
      const m = callback;
      m.applyBeforeValidation = applyBeforeValidation;
      m.global = global;
      m.mutates = mutates;
      this.globalMiddleware.push(callback);
    }
    return this.yargs;
  }
  addCoerceMiddleware(callback, option) {
    const aliases = this.yargs.getAliases();
    this.globalMiddleware = this.globalMiddleware.filter((m) => {
      const toCheck = [...aliases[option] || [], option];
      if (!m.option)
        return true;
      else
        return !toCheck.includes(m.option);
    });
    callback.option = option;
    return this.addMiddleware(callback, true, true, true);
  }
  getMiddleware() {
    return this.globalMiddleware;
  }
  freeze() {
    this.frozens.push([...this.globalMiddleware]);
  }
  unfreeze() {
    const frozen = this.frozens.pop();
    if (frozen !== void 0)
      this.globalMiddleware = frozen;
  }
  reset() {
    this.globalMiddleware = this.globalMiddleware.filter((m) => m.global);
  }
};
function commandMiddlewareFactory(commandMiddleware) {
  if (!commandMiddleware)
    return [];
  return commandMiddleware.map((middleware) => {
    middleware.applyBeforeValidation = false;
    return middleware;
  });
}
function applyMiddleware(argv, yargs, middlewares, beforeValidation) {
  return middlewares.reduce((acc, middleware) => {
    if (middleware.applyBeforeValidation !== beforeValidation) {
      return acc;
    }
    if (middleware.mutates) {
      if (middleware.applied)
        return acc;
      middleware.applied = true;
    }
    if (isPromise(acc)) {
      return acc.then((initialObj) => Promise.all([initialObj, middleware(initialObj, yargs)])).then(([initialObj, middlewareObj]) => Object.assign(initialObj, middlewareObj));
    } else {
      const result = middleware(acc, yargs);
      return isPromise(result) ? result.then((middlewareObj) => Object.assign(acc, middlewareObj)) : Object.assign(acc, result);
    }
  }, argv);
}

// node_modules/yargs/build/lib/utils/maybe-async-result.js
function maybeAsyncResult(getResult, resultHandler, errorHandler = (err) => {
  throw err;
}) {
  try {
    const result = isFunction(getResult) ? getResult() : getResult;
    return isPromise(result) ? result.then((result2) => resultHandler(result2)) : resultHandler(result);
  } catch (err) {
    return errorHandler(err);
  }
}
function isFunction(arg) {
  return typeof arg === "function";
}

// node_modules/yargs/build/lib/command.js
var DEFAULT_MARKER = /(^\*)|(^\$0)/;
var CommandInstance = class {
  constructor(usage2, validation2, globalMiddleware, shim3) {
    this.requireCache = /* @__PURE__ */ new Set();
    this.handlers = {};
    this.aliasMap = {};
    this.frozens = [];
    this.shim = shim3;
    this.usage = usage2;
    this.globalMiddleware = globalMiddleware;
    this.validation = validation2;
  }
  addDirectory(dir, req, callerFile, opts) {
    opts = opts || {};
    this.requireCache.add(callerFile);
    const fullDirPath = this.shim.path.resolve(this.shim.path.dirname(callerFile), dir);
    const files = this.shim.readdirSync(fullDirPath, {
      recursive: opts.recurse ? true : false
    });
    if (!Array.isArray(opts.extensions))
      opts.extensions = ["js"];
    const visit = typeof opts.visit === "function" ? opts.visit : (o) => o;
    for (const fileb of files) {
      const file = fileb.toString();
      if (opts.exclude) {
        let exclude = false;
        if (typeof opts.exclude === "function") {
          exclude = opts.exclude(file);
        } else {
          exclude = opts.exclude.test(file);
        }
        if (exclude)
          continue;
      }
      if (opts.include) {
        let include = false;
        if (typeof opts.include === "function") {
          include = opts.include(file);
        } else {
          include = opts.include.test(file);
        }
        if (!include)
          continue;
      }
      let supportedExtension = false;
      for (const ext of opts.extensions) {
        if (file.endsWith(ext))
          supportedExtension = true;
      }
      if (supportedExtension) {
        const joined = this.shim.path.join(fullDirPath, file);
        const module = req(joined);
        const extendableModule = Object.create(null, Object.getOwnPropertyDescriptors({ ...module }));
        const visited = visit(extendableModule, joined, file);
        if (visited) {
          if (this.requireCache.has(joined))
            continue;
          else
            this.requireCache.add(joined);
          if (!extendableModule.command) {
            extendableModule.command = this.shim.path.basename(joined, this.shim.path.extname(joined));
          }
          this.addHandler(extendableModule);
        }
      }
    }
  }
  addHandler(cmd, description, builder, handler, commandMiddleware, deprecated) {
    let aliases = [];
    const middlewares = commandMiddlewareFactory(commandMiddleware);
    handler = handler || (() => {
    });
    if (Array.isArray(cmd)) {
      if (isCommandAndAliases(cmd)) {
        [cmd, ...aliases] = cmd;
      } else {
        for (const command2 of cmd) {
          this.addHandler(command2);
        }
      }
    } else if (isCommandHandlerDefinition(cmd)) {
      let command2 = Array.isArray(cmd.command) || typeof cmd.command === "string" ? cmd.command : null;
      if (command2 === null) {
        throw new Error(`No command name given for module: ${this.shim.inspect(cmd)}`);
      }
      if (cmd.aliases)
        command2 = [].concat(command2).concat(cmd.aliases);
      this.addHandler(command2, this.extractDesc(cmd), cmd.builder, cmd.handler, cmd.middlewares, cmd.deprecated);
      return;
    } else if (isCommandBuilderDefinition(builder)) {
      this.addHandler([cmd].concat(aliases), description, builder.builder, builder.handler, builder.middlewares, builder.deprecated);
      return;
    }
    if (typeof cmd === "string") {
      const parsedCommand = parseCommand(cmd);
      aliases = aliases.map((alias) => parseCommand(alias).cmd);
      let isDefault = false;
      const parsedAliases = [parsedCommand.cmd].concat(aliases).filter((c) => {
        if (DEFAULT_MARKER.test(c)) {
          isDefault = true;
          return false;
        }
        return true;
      });
      if (parsedAliases.length === 0 && isDefault)
        parsedAliases.push("$0");
      if (isDefault) {
        parsedCommand.cmd = parsedAliases[0];
        aliases = parsedAliases.slice(1);
        cmd = cmd.replace(DEFAULT_MARKER, parsedCommand.cmd);
      }
      aliases.forEach((alias) => {
        this.aliasMap[alias] = parsedCommand.cmd;
      });
      if (description !== false) {
        this.usage.command(cmd, description, isDefault, aliases, deprecated);
      }
      this.handlers[parsedCommand.cmd] = {
        original: cmd,
        description,
        handler,
        builder: builder || {},
        middlewares,
        deprecated,
        demanded: parsedCommand.demanded,
        optional: parsedCommand.optional
      };
      if (isDefault)
        this.defaultCommand = this.handlers[parsedCommand.cmd];
    }
  }
  getCommandHandlers() {
    return this.handlers;
  }
  getCommands() {
    return Object.keys(this.handlers).concat(Object.keys(this.aliasMap));
  }
  hasDefaultCommand() {
    return !!this.defaultCommand;
  }
  runCommand(command2, yargs, parsed, commandIndex, helpOnly, helpOrVersionSet) {
    const commandHandler = this.handlers[command2] || this.handlers[this.aliasMap[command2]] || this.defaultCommand;
    const currentContext = yargs.getInternalMethods().getContext();
    const parentCommands = currentContext.commands.slice();
    const isDefaultCommand = !command2;
    if (command2) {
      currentContext.commands.push(command2);
      currentContext.fullCommands.push(commandHandler.original);
    }
    const builderResult = this.applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, parsed.aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet);
    return isPromise(builderResult) ? builderResult.then((result) => this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, result.innerArgv, currentContext, helpOnly, result.aliases, yargs)) : this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, builderResult.innerArgv, currentContext, helpOnly, builderResult.aliases, yargs);
  }
  applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet) {
    const builder = commandHandler.builder;
    let innerYargs = yargs;
    if (isCommandBuilderCallback(builder)) {
      yargs.getInternalMethods().getUsageInstance().freeze();
      const builderOutput = builder(yargs.getInternalMethods().reset(aliases), helpOrVersionSet);
      if (isPromise(builderOutput)) {
        return builderOutput.then((output) => {
          innerYargs = isYargsInstance(output) ? output : yargs;
          return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
        });
      }
    } else if (isCommandBuilderOptionDefinitions(builder)) {
      yargs.getInternalMethods().getUsageInstance().freeze();
      innerYargs = yargs.getInternalMethods().reset(aliases);
      Object.keys(commandHandler.builder).forEach((key2) => {
        innerYargs.option(key2, builder[key2]);
      });
    }
    return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
  }
  parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly) {
    if (isDefaultCommand)
      innerYargs.getInternalMethods().getUsageInstance().unfreeze(true);
    if (this.shouldUpdateUsage(innerYargs)) {
      innerYargs.getInternalMethods().getUsageInstance().usage(this.usageFromParentCommandsCommandHandler(parentCommands, commandHandler), commandHandler.description);
    }
    const innerArgv = innerYargs.getInternalMethods().runYargsParserAndExecuteCommands(null, void 0, true, commandIndex, helpOnly);
    return isPromise(innerArgv) ? innerArgv.then((argv) => ({
      aliases: innerYargs.parsed.aliases,
      innerArgv: argv
    })) : {
      aliases: innerYargs.parsed.aliases,
      innerArgv
    };
  }
  shouldUpdateUsage(yargs) {
    return !yargs.getInternalMethods().getUsageInstance().getUsageDisabled() && yargs.getInternalMethods().getUsageInstance().getUsage().length === 0;
  }
  usageFromParentCommandsCommandHandler(parentCommands, commandHandler) {
    const c = DEFAULT_MARKER.test(commandHandler.original) ? commandHandler.original.replace(DEFAULT_MARKER, "").trim() : commandHandler.original;
    const pc = parentCommands.filter((c2) => {
      return !DEFAULT_MARKER.test(c2);
    });
    pc.push(c);
    return `$0 ${pc.join(" ")}`;
  }
  handleValidationAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, aliases, yargs, middlewares, positionalMap) {
    if (!yargs.getInternalMethods().getHasOutput()) {
      const validation2 = yargs.getInternalMethods().runValidation(aliases, positionalMap, yargs.parsed.error, isDefaultCommand);
      innerArgv = maybeAsyncResult(innerArgv, (result) => {
        validation2(result);
        return result;
      });
    }
    if (commandHandler.handler && !yargs.getInternalMethods().getHasOutput()) {
      yargs.getInternalMethods().setHasOutput();
      const populateDoubleDash = !!yargs.getOptions().configuration["populate--"];
      yargs.getInternalMethods().postProcess(innerArgv, populateDoubleDash, false, false);
      innerArgv = applyMiddleware(innerArgv, yargs, middlewares, false);
      innerArgv = maybeAsyncResult(innerArgv, (result) => {
        const handlerResult = commandHandler.handler(result);
        return isPromise(handlerResult) ? handlerResult.then(() => result) : result;
      });
      if (!isDefaultCommand) {
        yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();
      }
      if (isPromise(innerArgv) && !yargs.getInternalMethods().hasParseCallback()) {
        innerArgv.catch((error) => {
          try {
            yargs.getInternalMethods().getUsageInstance().fail(null, error);
          } catch (_err) {
          }
        });
      }
    }
    if (!isDefaultCommand) {
      currentContext.commands.pop();
      currentContext.fullCommands.pop();
    }
    return innerArgv;
  }
  applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, helpOnly, aliases, yargs) {
    let positionalMap = {};
    if (helpOnly)
      return innerArgv;
    if (!yargs.getInternalMethods().getHasOutput()) {
      positionalMap = this.populatePositionals(commandHandler, innerArgv, currentContext, yargs);
    }
    const middlewares = this.globalMiddleware.getMiddleware().slice(0).concat(commandHandler.middlewares);
    const maybePromiseArgv = applyMiddleware(innerArgv, yargs, middlewares, true);
    return isPromise(maybePromiseArgv) ? maybePromiseArgv.then((resolvedInnerArgv) => this.handleValidationAndGetResult(isDefaultCommand, commandHandler, resolvedInnerArgv, currentContext, aliases, yargs, middlewares, positionalMap)) : this.handleValidationAndGetResult(isDefaultCommand, commandHandler, maybePromiseArgv, currentContext, aliases, yargs, middlewares, positionalMap);
  }
  populatePositionals(commandHandler, argv, context, yargs) {
    argv._ = argv._.slice(context.commands.length);
    const demanded = commandHandler.demanded.slice(0);
    const optional = commandHandler.optional.slice(0);
    const positionalMap = {};
    this.validation.positionalCount(demanded.length, argv._.length);
    while (demanded.length) {
      const demand = demanded.shift();
      this.populatePositional(demand, argv, positionalMap);
    }
    while (optional.length) {
      const maybe = optional.shift();
      this.populatePositional(maybe, argv, positionalMap);
    }
    argv._ = context.commands.concat(argv._.map((a) => "" + a));
    this.postProcessPositionals(argv, positionalMap, this.cmdToParseOptions(commandHandler.original), yargs);
    return positionalMap;
  }
  populatePositional(positional, argv, positionalMap) {
    const cmd = positional.cmd[0];
    if (positional.variadic) {
      positionalMap[cmd] = argv._.splice(0).map(String);
    } else {
      if (argv._.length)
        positionalMap[cmd] = [String(argv._.shift())];
    }
  }
  cmdToParseOptions(cmdString) {
    const parseOptions = {
      array: [],
      default: {},
      alias: {},
      demand: {}
    };
    const parsed = parseCommand(cmdString);
    parsed.demanded.forEach((d) => {
      const [cmd, ...aliases] = d.cmd;
      if (d.variadic) {
        parseOptions.array.push(cmd);
        parseOptions.default[cmd] = [];
      }
      parseOptions.alias[cmd] = aliases;
      parseOptions.demand[cmd] = true;
    });
    parsed.optional.forEach((o) => {
      const [cmd, ...aliases] = o.cmd;
      if (o.variadic) {
        parseOptions.array.push(cmd);
        parseOptions.default[cmd] = [];
      }
      parseOptions.alias[cmd] = aliases;
    });
    return parseOptions;
  }
  postProcessPositionals(argv, positionalMap, parseOptions, yargs) {
    const options = Object.assign({}, yargs.getOptions());
    options.default = Object.assign(parseOptions.default, options.default);
    for (const key2 of Object.keys(parseOptions.alias)) {
      options.alias[key2] = (options.alias[key2] || []).concat(parseOptions.alias[key2]);
    }
    options.array = options.array.concat(parseOptions.array);
    options.config = {};
    const unparsed = [];
    Object.keys(positionalMap).forEach((key2) => {
      positionalMap[key2].map((value) => {
        if (options.configuration["unknown-options-as-args"])
          options.key[key2] = true;
        unparsed.push(`--${key2}`);
        unparsed.push(value);
      });
    });
    if (!unparsed.length)
      return;
    const config = Object.assign({}, options.configuration, {
      "populate--": false
    });
    const parsed = this.shim.Parser.detailed(unparsed, Object.assign({}, options, {
      configuration: config
    }));
    if (parsed.error) {
      yargs.getInternalMethods().getUsageInstance().fail(parsed.error.message, parsed.error);
    } else {
      const positionalKeys = Object.keys(positionalMap);
      Object.keys(positionalMap).forEach((key2) => {
        positionalKeys.push(...parsed.aliases[key2]);
      });
      Object.keys(parsed.argv).forEach((key2) => {
        if (positionalKeys.includes(key2)) {
          if (!positionalMap[key2])
            positionalMap[key2] = parsed.argv[key2];
          if (!this.isInConfigs(yargs, key2) && !this.isDefaulted(yargs, key2) && Object.prototype.hasOwnProperty.call(argv, key2) && Object.prototype.hasOwnProperty.call(parsed.argv, key2) && (Array.isArray(argv[key2]) || Array.isArray(parsed.argv[key2]))) {
            argv[key2] = [].concat(argv[key2], parsed.argv[key2]);
          } else {
            argv[key2] = parsed.argv[key2];
          }
        }
      });
    }
  }
  isDefaulted(yargs, key2) {
    const { default: defaults } = yargs.getOptions();
    return Object.prototype.hasOwnProperty.call(defaults, key2) || Object.prototype.hasOwnProperty.call(defaults, this.shim.Parser.camelCase(key2));
  }
  isInConfigs(yargs, key2) {
    const { configObjects } = yargs.getOptions();
    return configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, key2)) || configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, this.shim.Parser.camelCase(key2)));
  }
  runDefaultBuilderOn(yargs) {
    if (!this.defaultCommand)
      return;
    if (this.shouldUpdateUsage(yargs)) {
      const commandString = DEFAULT_MARKER.test(this.defaultCommand.original) ? this.defaultCommand.original : this.defaultCommand.original.replace(/^[^[\]<>]*/, "$0 ");
      yargs.getInternalMethods().getUsageInstance().usage(commandString, this.defaultCommand.description);
    }
    const builder = this.defaultCommand.builder;
    if (isCommandBuilderCallback(builder)) {
      return builder(yargs, true);
    } else if (!isCommandBuilderDefinition(builder)) {
      Object.keys(builder).forEach((key2) => {
        yargs.option(key2, builder[key2]);
      });
    }
    return void 0;
  }
  extractDesc({ describe, description, desc }) {
    for (const test of [describe, description, desc]) {
      if (typeof test === "string" || test === false)
        return test;
      assertNotStrictEqual(test, true, this.shim);
    }
    return false;
  }
  freeze() {
    this.frozens.push({
      handlers: this.handlers,
      aliasMap: this.aliasMap,
      defaultCommand: this.defaultCommand
    });
  }
  unfreeze() {
    const frozen = this.frozens.pop();
    assertNotStrictEqual(frozen, void 0, this.shim);
    ({
      handlers: this.handlers,
      aliasMap: this.aliasMap,
      defaultCommand: this.defaultCommand
    } = frozen);
  }
  reset() {
    this.handlers = {};
    this.aliasMap = {};
    this.defaultCommand = void 0;
    this.requireCache = /* @__PURE__ */ new Set();
    return this;
  }
};
function command(usage2, validation2, globalMiddleware, shim3) {
  return new CommandInstance(usage2, validation2, globalMiddleware, shim3);
}
function isCommandBuilderDefinition(builder) {
  return typeof builder === "object" && !!builder.builder && typeof builder.handler === "function";
}
function isCommandAndAliases(cmd) {
  return cmd.every((c) => typeof c === "string");
}
function isCommandBuilderCallback(builder) {
  return typeof builder === "function";
}
function isCommandBuilderOptionDefinitions(builder) {
  return typeof builder === "object";
}
function isCommandHandlerDefinition(cmd) {
  return typeof cmd === "object" && !Array.isArray(cmd);
}

// node_modules/yargs/build/lib/utils/obj-filter.js
function objFilter(original = {}, filter = () => true) {
  const obj = {};
  objectKeys(original).forEach((key2) => {
    if (filter(key2, original[key2])) {
      obj[key2] = original[key2];
    }
  });
  return obj;
}

// node_modules/yargs/build/lib/utils/set-blocking.js
function setBlocking(blocking) {
  if (typeof process === "undefined")
    return;
  [process.stdout, process.stderr].forEach((_stream) => {
    const stream = _stream;
    if (stream._handle && stream.isTTY && typeof stream._handle.setBlocking === "function") {
      stream._handle.setBlocking(blocking);
    }
  });
}

// node_modules/yargs/build/lib/usage.js
function isBoolean(fail) {
  return typeof fail === "boolean";
}
function usage(yargs, shim3) {
  const __ = shim3.y18n.__;
  const self = {};
  const fails = [];
  self.failFn = function failFn(f) {
    fails.push(f);
  };
  let failMessage = null;
  let globalFailMessage = null;
  let showHelpOnFail = true;
  self.showHelpOnFail = function showHelpOnFailFn(arg1 = true, arg2) {
    const [enabled, message] = typeof arg1 === "string" ? [true, arg1] : [arg1, arg2];
    if (yargs.getInternalMethods().isGlobalContext()) {
      globalFailMessage = message;
    }
    failMessage = message;
    showHelpOnFail = enabled;
    return self;
  };
  let failureOutput = false;
  self.fail = function fail(msg, err) {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (fails.length) {
      for (let i = fails.length - 1; i >= 0; --i) {
        const fail2 = fails[i];
        if (isBoolean(fail2)) {
          if (err)
            throw err;
          else if (msg)
            throw Error(msg);
        } else {
          fail2(msg, err, self);
        }
      }
    } else {
      if (yargs.getExitProcess())
        setBlocking(true);
      if (!failureOutput) {
        failureOutput = true;
        if (showHelpOnFail) {
          yargs.showHelp("error");
          logger.error();
        }
        if (msg || err)
          logger.error(msg || err);
        const globalOrCommandFailMessage = failMessage || globalFailMessage;
        if (globalOrCommandFailMessage) {
          if (msg || err)
            logger.error("");
          logger.error(globalOrCommandFailMessage);
        }
      }
      err = err || new YError(msg);
      if (yargs.getExitProcess()) {
        return yargs.exit(1);
      } else if (yargs.getInternalMethods().hasParseCallback()) {
        return yargs.exit(1, err);
      } else {
        throw err;
      }
    }
  };
  let usages = [];
  let usageDisabled = false;
  self.usage = (msg, description) => {
    if (msg === null) {
      usageDisabled = true;
      usages = [];
      return self;
    }
    usageDisabled = false;
    usages.push([msg, description || ""]);
    return self;
  };
  self.getUsage = () => {
    return usages;
  };
  self.getUsageDisabled = () => {
    return usageDisabled;
  };
  self.getPositionalGroupName = () => {
    return __("Positionals:");
  };
  let examples = [];
  self.example = (cmd, description) => {
    examples.push([cmd, description || ""]);
  };
  let commands = [];
  self.command = function command2(cmd, description, isDefault, aliases, deprecated = false) {
    if (isDefault) {
      commands = commands.map((cmdArray) => {
        cmdArray[2] = false;
        return cmdArray;
      });
    }
    commands.push([cmd, description || "", isDefault, aliases, deprecated]);
  };
  self.getCommands = () => commands;
  let descriptions = {};
  self.describe = function describe(keyOrKeys, desc) {
    if (Array.isArray(keyOrKeys)) {
      keyOrKeys.forEach((k) => {
        self.describe(k, desc);
      });
    } else if (typeof keyOrKeys === "object") {
      Object.keys(keyOrKeys).forEach((k) => {
        self.describe(k, keyOrKeys[k]);
      });
    } else {
      descriptions[keyOrKeys] = desc;
    }
  };
  self.getDescriptions = () => descriptions;
  let epilogs = [];
  self.epilog = (msg) => {
    epilogs.push(msg);
  };
  let wrapSet = false;
  let wrap;
  self.wrap = (cols) => {
    wrapSet = true;
    wrap = cols;
  };
  self.getWrap = () => {
    if (shim3.getEnv("YARGS_DISABLE_WRAP")) {
      return null;
    }
    if (!wrapSet) {
      wrap = windowWidth();
      wrapSet = true;
    }
    return wrap;
  };
  const deferY18nLookupPrefix = "__yargsString__:";
  self.deferY18nLookup = (str2) => deferY18nLookupPrefix + str2;
  self.help = function help() {
    if (cachedHelpMessage)
      return cachedHelpMessage;
    normalizeAliases();
    const base$0 = yargs.customScriptName ? yargs.$0 : shim3.path.basename(yargs.$0);
    const demandedOptions = yargs.getDemandedOptions();
    const demandedCommands = yargs.getDemandedCommands();
    const deprecatedOptions = yargs.getDeprecatedOptions();
    const groups = yargs.getGroups();
    const options = yargs.getOptions();
    let keys = [];
    keys = keys.concat(Object.keys(descriptions));
    keys = keys.concat(Object.keys(demandedOptions));
    keys = keys.concat(Object.keys(demandedCommands));
    keys = keys.concat(Object.keys(options.default));
    keys = keys.filter(filterHiddenOptions);
    keys = Object.keys(keys.reduce((acc, key2) => {
      if (key2 !== "_")
        acc[key2] = true;
      return acc;
    }, {}));
    const theWrap = self.getWrap();
    const ui2 = shim3.cliui({
      width: theWrap,
      wrap: !!theWrap
    });
    if (!usageDisabled) {
      if (usages.length) {
        usages.forEach((usage2) => {
          ui2.div({ text: `${usage2[0].replace(/\$0/g, base$0)}` });
          if (usage2[1]) {
            ui2.div({ text: `${usage2[1]}`, padding: [1, 0, 0, 0] });
          }
        });
        ui2.div();
      } else if (commands.length) {
        let u = null;
        if (demandedCommands._) {
          u = `${base$0} <${__("command")}>
`;
        } else {
          u = `${base$0} [${__("command")}]
`;
        }
        ui2.div(`${u}`);
      }
    }
    if (commands.length > 1 || commands.length === 1 && !commands[0][2]) {
      ui2.div(__("Commands:"));
      const context = yargs.getInternalMethods().getContext();
      const parentCommands = context.commands.length ? `${context.commands.join(" ")} ` : "";
      if (yargs.getInternalMethods().getParserConfiguration()["sort-commands"] === true) {
        commands = commands.sort((a, b) => a[0].localeCompare(b[0]));
      }
      const prefix = base$0 ? `${base$0} ` : "";
      commands.forEach((command2) => {
        const commandString = `${prefix}${parentCommands}${command2[0].replace(/^\$0 ?/, "")}`;
        ui2.span({
          text: commandString,
          padding: [0, 2, 0, 2],
          width: maxWidth(commands, theWrap, `${base$0}${parentCommands}`) + 4
        }, { text: command2[1] });
        const hints = [];
        if (command2[2])
          hints.push(`[${__("default")}]`);
        if (command2[3] && command2[3].length) {
          hints.push(`[${__("aliases:")} ${command2[3].join(", ")}]`);
        }
        if (command2[4]) {
          if (typeof command2[4] === "string") {
            hints.push(`[${__("deprecated: %s", command2[4])}]`);
          } else {
            hints.push(`[${__("deprecated")}]`);
          }
        }
        if (hints.length) {
          ui2.div({
            text: hints.join(" "),
            padding: [0, 0, 0, 2],
            align: "right"
          });
        } else {
          ui2.div();
        }
      });
      ui2.div();
    }
    const aliasKeys = (Object.keys(options.alias) || []).concat(Object.keys(yargs.parsed.newAliases) || []);
    keys = keys.filter((key2) => !yargs.parsed.newAliases[key2] && aliasKeys.every((alias) => (options.alias[alias] || []).indexOf(key2) === -1));
    const defaultGroup = __("Options:");
    if (!groups[defaultGroup])
      groups[defaultGroup] = [];
    addUngroupedKeys(keys, options.alias, groups, defaultGroup);
    const isLongSwitch = (sw) => /^--/.test(getText(sw));
    const displayedGroups = Object.keys(groups).filter((groupName) => groups[groupName].length > 0).map((groupName) => {
      const normalizedKeys = groups[groupName].filter(filterHiddenOptions).map((key2) => {
        if (aliasKeys.includes(key2))
          return key2;
        for (let i = 0, aliasKey; (aliasKey = aliasKeys[i]) !== void 0; i++) {
          if ((options.alias[aliasKey] || []).includes(key2))
            return aliasKey;
        }
        return key2;
      });
      return { groupName, normalizedKeys };
    }).filter(({ normalizedKeys }) => normalizedKeys.length > 0).map(({ groupName, normalizedKeys }) => {
      const switches = normalizedKeys.reduce((acc, key2) => {
        acc[key2] = [key2].concat(options.alias[key2] || []).map((sw) => {
          if (groupName === self.getPositionalGroupName())
            return sw;
          else {
            return (/^[0-9]$/.test(sw) ? options.boolean.includes(key2) ? "-" : "--" : sw.length > 1 ? "--" : "-") + sw;
          }
        }).sort((sw1, sw2) => isLongSwitch(sw1) === isLongSwitch(sw2) ? 0 : isLongSwitch(sw1) ? 1 : -1).join(", ");
        return acc;
      }, {});
      return { groupName, normalizedKeys, switches };
    });
    const shortSwitchesUsed = displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).some(({ normalizedKeys, switches }) => !normalizedKeys.every((key2) => isLongSwitch(switches[key2])));
    if (shortSwitchesUsed) {
      displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).forEach(({ normalizedKeys, switches }) => {
        normalizedKeys.forEach((key2) => {
          if (isLongSwitch(switches[key2])) {
            switches[key2] = addIndentation(switches[key2], "-x, ".length);
          }
        });
      });
    }
    displayedGroups.forEach(({ groupName, normalizedKeys, switches }) => {
      ui2.div(groupName);
      normalizedKeys.forEach((key2) => {
        const kswitch = switches[key2];
        let desc = descriptions[key2] || "";
        let type = null;
        if (desc.includes(deferY18nLookupPrefix))
          desc = __(desc.substring(deferY18nLookupPrefix.length));
        if (options.boolean.includes(key2))
          type = `[${__("boolean")}]`;
        if (options.count.includes(key2))
          type = `[${__("count")}]`;
        if (options.string.includes(key2))
          type = `[${__("string")}]`;
        if (options.normalize.includes(key2))
          type = `[${__("string")}]`;
        if (options.array.includes(key2))
          type = `[${__("array")}]`;
        if (options.number.includes(key2))
          type = `[${__("number")}]`;
        const deprecatedExtra = (deprecated) => typeof deprecated === "string" ? `[${__("deprecated: %s", deprecated)}]` : `[${__("deprecated")}]`;
        const extra = [
          key2 in deprecatedOptions ? deprecatedExtra(deprecatedOptions[key2]) : null,
          type,
          key2 in demandedOptions ? `[${__("required")}]` : null,
          options.choices && options.choices[key2] ? `[${__("choices:")} ${self.stringifiedValues(options.choices[key2])}]` : null,
          defaultString(options.default[key2], options.defaultDescription[key2])
        ].filter(Boolean).join(" ");
        ui2.span({
          text: getText(kswitch),
          padding: [0, 2, 0, 2 + getIndentation(kswitch)],
          width: maxWidth(switches, theWrap) + 4
        }, desc);
        const shouldHideOptionExtras = yargs.getInternalMethods().getUsageConfiguration()["hide-types"] === true;
        if (extra && !shouldHideOptionExtras)
          ui2.div({ text: extra, padding: [0, 0, 0, 2], align: "right" });
        else
          ui2.div();
      });
      ui2.div();
    });
    if (examples.length) {
      ui2.div(__("Examples:"));
      examples.forEach((example) => {
        example[0] = example[0].replace(/\$0/g, base$0);
      });
      examples.forEach((example) => {
        if (example[1] === "") {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2]
          });
        } else {
          ui2.div({
            text: example[0],
            padding: [0, 2, 0, 2],
            width: maxWidth(examples, theWrap) + 4
          }, {
            text: example[1]
          });
        }
      });
      ui2.div();
    }
    if (epilogs.length > 0) {
      const e = epilogs.map((epilog) => epilog.replace(/\$0/g, base$0)).join("\n");
      ui2.div(`${e}
`);
    }
    return ui2.toString().replace(/\s*$/, "");
  };
  function maxWidth(table, theWrap, modifier) {
    let width = 0;
    if (!Array.isArray(table)) {
      table = Object.values(table).map((v) => [v]);
    }
    table.forEach((v) => {
      width = Math.max(shim3.stringWidth(modifier ? `${modifier} ${getText(v[0])}` : getText(v[0])) + getIndentation(v[0]), width);
    });
    if (theWrap)
      width = Math.min(width, parseInt((theWrap * 0.5).toString(), 10));
    return width;
  }
  function normalizeAliases() {
    const demandedOptions = yargs.getDemandedOptions();
    const options = yargs.getOptions();
    (Object.keys(options.alias) || []).forEach((key2) => {
      options.alias[key2].forEach((alias) => {
        if (descriptions[alias])
          self.describe(key2, descriptions[alias]);
        if (alias in demandedOptions)
          yargs.demandOption(key2, demandedOptions[alias]);
        if (options.boolean.includes(alias))
          yargs.boolean(key2);
        if (options.count.includes(alias))
          yargs.count(key2);
        if (options.string.includes(alias))
          yargs.string(key2);
        if (options.normalize.includes(alias))
          yargs.normalize(key2);
        if (options.array.includes(alias))
          yargs.array(key2);
        if (options.number.includes(alias))
          yargs.number(key2);
      });
    });
  }
  let cachedHelpMessage;
  self.cacheHelpMessage = function() {
    cachedHelpMessage = this.help();
  };
  self.clearCachedHelpMessage = function() {
    cachedHelpMessage = void 0;
  };
  self.hasCachedHelpMessage = function() {
    return !!cachedHelpMessage;
  };
  function addUngroupedKeys(keys, aliases, groups, defaultGroup) {
    let groupedKeys = [];
    let toCheck = null;
    Object.keys(groups).forEach((group) => {
      groupedKeys = groupedKeys.concat(groups[group]);
    });
    keys.forEach((key2) => {
      toCheck = [key2].concat(aliases[key2]);
      if (!toCheck.some((k) => groupedKeys.indexOf(k) !== -1)) {
        groups[defaultGroup].push(key2);
      }
    });
    return groupedKeys;
  }
  function filterHiddenOptions(key2) {
    return yargs.getOptions().hiddenOptions.indexOf(key2) < 0 || yargs.parsed.argv[yargs.getOptions().showHiddenOpt];
  }
  self.showHelp = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(self.help());
  };
  self.functionDescription = (fn) => {
    const description = fn.name ? shim3.Parser.decamelize(fn.name, "-") : __("generated-value");
    return ["(", description, ")"].join("");
  };
  self.stringifiedValues = function stringifiedValues(values, separator) {
    let string = "";
    const sep = separator || ", ";
    const array = [].concat(values);
    if (!values || !array.length)
      return string;
    array.forEach((value) => {
      if (string.length)
        string += sep;
      string += JSON.stringify(value);
    });
    return string;
  };
  function defaultString(value, defaultDescription) {
    let string = `[${__("default:")} `;
    if (value === void 0 && !defaultDescription)
      return null;
    if (defaultDescription) {
      string += defaultDescription;
    } else {
      switch (typeof value) {
        case "string":
          string += `"${value}"`;
          break;
        case "object":
          string += JSON.stringify(value);
          break;
        default:
          string += value;
      }
    }
    return `${string}]`;
  }
  function windowWidth() {
    const maxWidth2 = 80;
    if (shim3.process.stdColumns) {
      return Math.min(maxWidth2, shim3.process.stdColumns);
    } else {
      return maxWidth2;
    }
  }
  let version = null;
  self.version = (ver) => {
    version = ver;
  };
  self.showVersion = (level) => {
    const logger = yargs.getInternalMethods().getLoggerInstance();
    if (!level)
      level = "error";
    const emit = typeof level === "function" ? level : logger[level];
    emit(version);
  };
  self.reset = function reset2(localLookup) {
    failMessage = null;
    failureOutput = false;
    usages = [];
    usageDisabled = false;
    epilogs = [];
    examples = [];
    commands = [];
    descriptions = objFilter(descriptions, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      failMessage,
      failureOutput,
      usages,
      usageDisabled,
      epilogs,
      examples,
      commands,
      descriptions
    });
  };
  self.unfreeze = function unfreeze(defaultCommand = false) {
    const frozen = frozens.pop();
    if (!frozen)
      return;
    if (defaultCommand) {
      descriptions = { ...frozen.descriptions, ...descriptions };
      commands = [...frozen.commands, ...commands];
      usages = [...frozen.usages, ...usages];
      examples = [...frozen.examples, ...examples];
      epilogs = [...frozen.epilogs, ...epilogs];
    } else {
      ({
        failMessage,
        failureOutput,
        usages,
        usageDisabled,
        epilogs,
        examples,
        commands,
        descriptions
      } = frozen);
    }
  };
  return self;
}
function isIndentedText(text3) {
  return typeof text3 === "object";
}
function addIndentation(text3, indent) {
  return isIndentedText(text3) ? { text: text3.text, indentation: text3.indentation + indent } : { text: text3, indentation: indent };
}
function getIndentation(text3) {
  return isIndentedText(text3) ? text3.indentation : 0;
}
function getText(text3) {
  return isIndentedText(text3) ? text3.text : text3;
}

// node_modules/yargs/build/lib/completion-templates.js
var completionShTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.bashrc
#    or {{app_path}} {{completion_command}} >> ~/.bash_profile on OSX.
#
_{{app_name}}_yargs_completions()
{
    local cur_word args type_list

    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    args=("\${COMP_WORDS[@]}")

    # ask yargs to generate completions.
    # see https://stackoverflow.com/a/40944195/7080036 for the spaces-handling awk
    mapfile -t type_list < <({{app_path}} --get-yargs-completions "\${args[@]}")
    mapfile -t COMPREPLY < <(compgen -W "$( printf '%q ' "\${type_list[@]}" )" -- "\${cur_word}" |
        awk '/ / { print "\\""$0"\\"" } /^[^ ]+$/ { print $0 }')

    # if no match was found, fall back to filename completion
    if [ \${#COMPREPLY[@]} -eq 0 ]; then
      COMPREPLY=()
    fi

    return 0
}
complete -o bashdefault -o default -F _{{app_name}}_yargs_completions {{app_name}}
###-end-{{app_name}}-completions-###
`;
var completionZshTemplate = `#compdef {{app_name}}
###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.zshrc
#    or {{app_path}} {{completion_command}} >> ~/.zprofile on OSX.
#
_{{app_name}}_yargs_completions()
{
  local reply
  local si=$IFS
  IFS=$'
' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" {{app_path}} --get-yargs-completions "\${words[@]}"))
  IFS=$si
  if [[ \${#reply} -gt 0 ]]; then
    _describe 'values' reply
  else
    _default
  fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
  _{{app_name}}_yargs_completions "$@"
else
  compdef _{{app_name}}_yargs_completions {{app_name}}
fi
###-end-{{app_name}}-completions-###
`;
var completionFishTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} > ~/.config/fish/completions/{{app_name}}.fish
#
complete -f -c {{app_name}} -a '({{app_path}} --get-yargs-completions (commandline -o)[2..-1])'
###-end-{{app_name}}-completions-###
`;

// node_modules/yargs/build/lib/completion.js
var Completion = class {
  constructor(yargs, usage2, command2, shim3) {
    var _a2, _b2, _c2, _d, _e;
    this.yargs = yargs;
    this.usage = usage2;
    this.command = command2;
    this.shim = shim3;
    this.completionKey = "get-yargs-completions";
    this.aliases = null;
    this.customCompletionFunction = null;
    this.indexAfterLastReset = 0;
    this.zshShell = (_c2 = ((_a2 = this.shim.getEnv("SHELL")) === null || _a2 === void 0 ? void 0 : _a2.includes("zsh")) || ((_b2 = this.shim.getEnv("ZSH_NAME")) === null || _b2 === void 0 ? void 0 : _b2.includes("zsh"))) !== null && _c2 !== void 0 ? _c2 : false;
    this.fishShell = (_e = (_d = this.shim.getEnv("SHELL")) === null || _d === void 0 ? void 0 : _d.includes("fish")) !== null && _e !== void 0 ? _e : false;
  }
  defaultCompletion(args2, argv, current, done) {
    const handlers = this.command.getCommandHandlers();
    for (let i = 0, ii = args2.length; i < ii; ++i) {
      if (handlers[args2[i]] && handlers[args2[i]].builder) {
        const builder = handlers[args2[i]].builder;
        if (isCommandBuilderCallback(builder)) {
          this.indexAfterLastReset = i + 1;
          const y = this.yargs.getInternalMethods().reset();
          builder(y, true);
          return y.argv;
        }
      }
    }
    const completions = [];
    this.commandCompletions(completions, args2, current);
    this.optionCompletions(completions, args2, argv, current);
    this.choicesFromOptionsCompletions(completions, args2, argv, current);
    this.choicesFromPositionalsCompletions(completions, args2, argv, current);
    done(null, completions);
  }
  commandCompletions(completions, args2, current) {
    const parentCommands = this.yargs.getInternalMethods().getContext().commands;
    if (!current.match(/^-/) && parentCommands[parentCommands.length - 1] !== current && !this.previousArgHasChoices(args2)) {
      this.usage.getCommands().forEach((usageCommand) => {
        const commandName = parseCommand(usageCommand[0]).cmd;
        if (args2.indexOf(commandName) === -1) {
          const desc = usageCommand[1] || "";
          if (this.fishShell) {
            completions.push(commandName + "	" + desc);
          } else if (this.zshShell) {
            completions.push(commandName.replace(/:/g, "\\:") + ":" + desc);
          } else {
            completions.push(commandName);
          }
        }
      });
    }
  }
  optionCompletions(completions, args2, argv, current) {
    if ((current.match(/^-/) || current === "" && completions.length === 0) && !this.previousArgHasChoices(args2)) {
      const options = this.yargs.getOptions();
      const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
      Object.keys(options.key).forEach((key2) => {
        const negable = !!options.configuration["boolean-negation"] && options.boolean.includes(key2);
        const isPositionalKey = positionalKeys.includes(key2);
        if (!isPositionalKey && !options.hiddenOptions.includes(key2) && !this.argsContainKey(args2, key2, negable)) {
          this.completeOptionKey(key2, completions, current, negable && !!options.default[key2]);
        }
      });
    }
  }
  choicesFromOptionsCompletions(completions, args2, argv, current) {
    if (this.previousArgHasChoices(args2)) {
      const choices = this.getPreviousArgChoices(args2);
      if (choices && choices.length > 0) {
        if (this.fishShell) {
          completions.push(...choices);
        } else {
          completions.push(...choices.map((c) => c.replace(/:/g, "\\:")));
        }
      }
    }
  }
  choicesFromPositionalsCompletions(completions, args2, argv, current) {
    if (current === "" && completions.length > 0 && this.previousArgHasChoices(args2)) {
      return;
    }
    const positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
    const offset = Math.max(this.indexAfterLastReset, this.yargs.getInternalMethods().getContext().commands.length + 1);
    const positionalKey = positionalKeys[argv._.length - offset - 1];
    if (!positionalKey) {
      return;
    }
    const choices = this.yargs.getOptions().choices[positionalKey] || [];
    for (const choice of choices) {
      if (choice.startsWith(current)) {
        if (this.fishShell) {
          completions.push(choice);
        } else {
          completions.push(choice.replace(/:/g, "\\:"));
        }
      }
    }
  }
  getPreviousArgChoices(args2) {
    if (args2.length < 1)
      return;
    let previousArg = args2[args2.length - 1];
    let filter = "";
    if (!previousArg.startsWith("-") && args2.length > 1) {
      filter = previousArg;
      previousArg = args2[args2.length - 2];
    }
    if (!previousArg.startsWith("-"))
      return;
    const previousArgKey = previousArg.replace(/^-+/, "");
    const options = this.yargs.getOptions();
    const possibleAliases = [
      previousArgKey,
      ...this.yargs.getAliases()[previousArgKey] || []
    ];
    let choices;
    for (const possibleAlias of possibleAliases) {
      if (Object.prototype.hasOwnProperty.call(options.key, possibleAlias) && Array.isArray(options.choices[possibleAlias])) {
        choices = options.choices[possibleAlias];
        break;
      }
    }
    if (choices) {
      return choices.filter((choice) => !filter || choice.startsWith(filter));
    }
  }
  previousArgHasChoices(args2) {
    const choices = this.getPreviousArgChoices(args2);
    return choices !== void 0 && choices.length > 0;
  }
  argsContainKey(args2, key2, negable) {
    const argsContains = (s) => args2.indexOf((/^[^0-9]$/.test(s) ? "-" : "--") + s) !== -1;
    if (argsContains(key2))
      return true;
    if (negable && argsContains(`no-${key2}`))
      return true;
    if (this.aliases) {
      for (const alias of this.aliases[key2]) {
        if (argsContains(alias))
          return true;
      }
    }
    return false;
  }
  completeOptionKey(key2, completions, current, negable) {
    var _a2, _b2, _c2, _d;
    let keyWithDesc = key2;
    if (this.zshShell || this.fishShell) {
      const descs = this.usage.getDescriptions();
      const aliasKey = (_b2 = (_a2 = this === null || this === void 0 ? void 0 : this.aliases) === null || _a2 === void 0 ? void 0 : _a2[key2]) === null || _b2 === void 0 ? void 0 : _b2.find((alias) => {
        const desc2 = descs[alias];
        return typeof desc2 === "string" && desc2.length > 0;
      });
      const descFromAlias = aliasKey ? descs[aliasKey] : void 0;
      const desc = (_d = (_c2 = descs[key2]) !== null && _c2 !== void 0 ? _c2 : descFromAlias) !== null && _d !== void 0 ? _d : "";
      const cleanedDesc = desc.replace("__yargsString__:", "").replace(/(\r\n|\n|\r)/gm, " ");
      if (this.fishShell) {
        keyWithDesc = `${key2}	${cleanedDesc}`;
      } else {
        keyWithDesc = `${key2.replace(/:/g, "\\:")}:${cleanedDesc}`;
      }
    }
    const startsByTwoDashes = (s) => /^--/.test(s);
    const isShortOption = (s) => /^[^0-9]$/.test(s);
    const dashes = !startsByTwoDashes(current) && isShortOption(key2) ? "-" : "--";
    completions.push(dashes + keyWithDesc);
    if (negable) {
      completions.push(dashes + "no-" + keyWithDesc);
    }
  }
  customCompletion(args2, argv, current, done) {
    assertNotStrictEqual(this.customCompletionFunction, null, this.shim);
    if (isSyncCompletionFunction(this.customCompletionFunction)) {
      const result = this.customCompletionFunction(current, argv);
      if (isPromise(result)) {
        return result.then((list) => {
          this.shim.process.nextTick(() => {
            done(null, list);
          });
        }).catch((err) => {
          this.shim.process.nextTick(() => {
            done(err, void 0);
          });
        });
      }
      return done(null, result);
    } else if (isFallbackCompletionFunction(this.customCompletionFunction)) {
      return this.customCompletionFunction(current, argv, (onCompleted = done) => this.defaultCompletion(args2, argv, current, onCompleted), (completions) => {
        done(null, completions);
      });
    } else {
      return this.customCompletionFunction(current, argv, (completions) => {
        done(null, completions);
      });
    }
  }
  getCompletion(args2, done) {
    const current = args2.length ? args2[args2.length - 1] : "";
    const argv = this.yargs.parse(args2, true);
    const completionFunction = this.customCompletionFunction ? (argv2) => this.customCompletion(args2, argv2, current, done) : (argv2) => this.defaultCompletion(args2, argv2, current, done);
    return isPromise(argv) ? argv.then(completionFunction) : completionFunction(argv);
  }
  generateCompletionScript($0, cmd) {
    let script;
    if (this.zshShell) {
      script = completionZshTemplate;
    } else if (this.fishShell) {
      script = completionFishTemplate;
    } else {
      script = completionShTemplate;
    }
    const name = this.shim.path.basename($0);
    if ($0.match(/\.js$/))
      $0 = `./${$0}`;
    script = script.replace(/{{app_name}}/g, name);
    script = script.replace(/{{completion_command}}/g, cmd);
    return script.replace(/{{app_path}}/g, $0);
  }
  registerFunction(fn) {
    this.customCompletionFunction = fn;
  }
  setParsed(parsed) {
    this.aliases = parsed.aliases;
  }
};
function completion(yargs, usage2, command2, shim3) {
  return new Completion(yargs, usage2, command2, shim3);
}
function isSyncCompletionFunction(completionFunction) {
  return completionFunction.length < 3;
}
function isFallbackCompletionFunction(completionFunction) {
  return completionFunction.length > 3;
}

// node_modules/yargs/build/lib/utils/levenshtein.js
function levenshtein(a, b) {
  if (a.length === 0)
    return b.length;
  if (b.length === 0)
    return a.length;
  const matrix = [];
  let i;
  for (i = 0; i <= b.length; i++) {
    matrix[i] = [i];
  }
  let j;
  for (j = 0; j <= a.length; j++) {
    matrix[0][j] = j;
  }
  for (i = 1; i <= b.length; i++) {
    for (j = 1; j <= a.length; j++) {
      if (b.charAt(i - 1) === a.charAt(j - 1)) {
        matrix[i][j] = matrix[i - 1][j - 1];
      } else {
        if (i > 1 && j > 1 && b.charAt(i - 2) === a.charAt(j - 1) && b.charAt(i - 1) === a.charAt(j - 2)) {
          matrix[i][j] = matrix[i - 2][j - 2] + 1;
        } else {
          matrix[i][j] = Math.min(matrix[i - 1][j - 1] + 1, Math.min(matrix[i][j - 1] + 1, matrix[i - 1][j] + 1));
        }
      }
    }
  }
  return matrix[b.length][a.length];
}

// node_modules/yargs/build/lib/validation.js
var specialKeys = ["$0", "--", "_"];
function validation(yargs, usage2, shim3) {
  const __ = shim3.y18n.__;
  const __n = shim3.y18n.__n;
  const self = {};
  self.nonOptionCount = function nonOptionCount(argv) {
    const demandedCommands = yargs.getDemandedCommands();
    const positionalCount = argv._.length + (argv["--"] ? argv["--"].length : 0);
    const _s = positionalCount - yargs.getInternalMethods().getContext().commands.length;
    if (demandedCommands._ && (_s < demandedCommands._.min || _s > demandedCommands._.max)) {
      if (_s < demandedCommands._.min) {
        if (demandedCommands._.minMsg !== void 0) {
          usage2.fail(demandedCommands._.minMsg ? demandedCommands._.minMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.min.toString()) : null);
        } else {
          usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", _s, _s.toString(), demandedCommands._.min.toString()));
        }
      } else if (_s > demandedCommands._.max) {
        if (demandedCommands._.maxMsg !== void 0) {
          usage2.fail(demandedCommands._.maxMsg ? demandedCommands._.maxMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.max.toString()) : null);
        } else {
          usage2.fail(__n("Too many non-option arguments: got %s, maximum of %s", "Too many non-option arguments: got %s, maximum of %s", _s, _s.toString(), demandedCommands._.max.toString()));
        }
      }
    }
  };
  self.positionalCount = function positionalCount(required, observed) {
    if (observed < required) {
      usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", observed, observed + "", required + ""));
    }
  };
  self.requiredArguments = function requiredArguments(argv, demandedOptions) {
    let missing = null;
    for (const key2 of Object.keys(demandedOptions)) {
      if (!Object.prototype.hasOwnProperty.call(argv, key2) || typeof argv[key2] === "undefined") {
        missing = missing || {};
        missing[key2] = demandedOptions[key2];
      }
    }
    if (missing) {
      const customMsgs = [];
      for (const key2 of Object.keys(missing)) {
        const msg = missing[key2];
        if (msg && customMsgs.indexOf(msg) < 0) {
          customMsgs.push(msg);
        }
      }
      const customMsg = customMsgs.length ? `
${customMsgs.join("\n")}` : "";
      usage2.fail(__n("Missing required argument: %s", "Missing required arguments: %s", Object.keys(missing).length, Object.keys(missing).join(", ") + customMsg));
    }
  };
  self.unknownArguments = function unknownArguments(argv, aliases, positionalMap, isDefaultCommand, checkPositionals = true) {
    var _a2;
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown = [];
    const currentContext = yargs.getInternalMethods().getContext();
    Object.keys(argv).forEach((key2) => {
      if (!specialKeys.includes(key2) && !Object.prototype.hasOwnProperty.call(positionalMap, key2) && !Object.prototype.hasOwnProperty.call(yargs.getInternalMethods().getParseContext(), key2) && !self.isValidAndSomeAliasIsNotNew(key2, aliases)) {
        unknown.push(key2);
      }
    });
    if (checkPositionals && (currentContext.commands.length > 0 || commandKeys.length > 0 || isDefaultCommand)) {
      argv._.slice(currentContext.commands.length).forEach((key2) => {
        if (!commandKeys.includes("" + key2)) {
          unknown.push("" + key2);
        }
      });
    }
    if (checkPositionals) {
      const demandedCommands = yargs.getDemandedCommands();
      const maxNonOptDemanded = ((_a2 = demandedCommands._) === null || _a2 === void 0 ? void 0 : _a2.max) || 0;
      const expected = currentContext.commands.length + maxNonOptDemanded;
      if (expected < argv._.length) {
        argv._.slice(expected).forEach((key2) => {
          key2 = String(key2);
          if (!currentContext.commands.includes(key2) && !unknown.includes(key2)) {
            unknown.push(key2);
          }
        });
      }
    }
    if (unknown.length) {
      usage2.fail(__n("Unknown argument: %s", "Unknown arguments: %s", unknown.length, unknown.map((s) => s.trim() ? s : `"${s}"`).join(", ")));
    }
  };
  self.unknownCommands = function unknownCommands(argv) {
    const commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands();
    const unknown = [];
    const currentContext = yargs.getInternalMethods().getContext();
    if (currentContext.commands.length > 0 || commandKeys.length > 0) {
      argv._.slice(currentContext.commands.length).forEach((key2) => {
        if (!commandKeys.includes("" + key2)) {
          unknown.push("" + key2);
        }
      });
    }
    if (unknown.length > 0) {
      usage2.fail(__n("Unknown command: %s", "Unknown commands: %s", unknown.length, unknown.join(", ")));
      return true;
    } else {
      return false;
    }
  };
  self.isValidAndSomeAliasIsNotNew = function isValidAndSomeAliasIsNotNew(key2, aliases) {
    if (!Object.prototype.hasOwnProperty.call(aliases, key2)) {
      return false;
    }
    const newAliases = yargs.parsed.newAliases;
    return [key2, ...aliases[key2]].some((a) => !Object.prototype.hasOwnProperty.call(newAliases, a) || !newAliases[key2]);
  };
  self.limitedChoices = function limitedChoices(argv) {
    const options = yargs.getOptions();
    const invalid = {};
    if (!Object.keys(options.choices).length)
      return;
    Object.keys(argv).forEach((key2) => {
      if (specialKeys.indexOf(key2) === -1 && Object.prototype.hasOwnProperty.call(options.choices, key2)) {
        [].concat(argv[key2]).forEach((value) => {
          if (options.choices[key2].indexOf(value) === -1 && value !== void 0) {
            invalid[key2] = (invalid[key2] || []).concat(value);
          }
        });
      }
    });
    const invalidKeys = Object.keys(invalid);
    if (!invalidKeys.length)
      return;
    let msg = __("Invalid values:");
    invalidKeys.forEach((key2) => {
      msg += `
  ${__("Argument: %s, Given: %s, Choices: %s", key2, usage2.stringifiedValues(invalid[key2]), usage2.stringifiedValues(options.choices[key2]))}`;
    });
    usage2.fail(msg);
  };
  let implied = {};
  self.implies = function implies(key2, value) {
    argsert("<string|object> [array|number|string]", [key2, value], arguments.length);
    if (typeof key2 === "object") {
      Object.keys(key2).forEach((k) => {
        self.implies(k, key2[k]);
      });
    } else {
      yargs.global(key2);
      if (!implied[key2]) {
        implied[key2] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.implies(key2, i));
      } else {
        assertNotStrictEqual(value, void 0, shim3);
        implied[key2].push(value);
      }
    }
  };
  self.getImplied = function getImplied() {
    return implied;
  };
  function keyExists(argv, val) {
    const num5 = Number(val);
    val = isNaN(num5) ? val : num5;
    if (typeof val === "number") {
      val = argv._.length >= val;
    } else if (val.match(/^--no-.+/)) {
      val = val.match(/^--no-(.+)/)[1];
      val = !Object.prototype.hasOwnProperty.call(argv, val);
    } else {
      val = Object.prototype.hasOwnProperty.call(argv, val);
    }
    return val;
  }
  self.implications = function implications(argv) {
    const implyFail = [];
    Object.keys(implied).forEach((key2) => {
      const origKey = key2;
      (implied[key2] || []).forEach((value) => {
        let key3 = origKey;
        const origValue = value;
        key3 = keyExists(argv, key3);
        value = keyExists(argv, value);
        if (key3 && !value) {
          implyFail.push(` ${origKey} -> ${origValue}`);
        }
      });
    });
    if (implyFail.length) {
      let msg = `${__("Implications failed:")}
`;
      implyFail.forEach((value) => {
        msg += value;
      });
      usage2.fail(msg);
    }
  };
  let conflicting = {};
  self.conflicts = function conflicts(key2, value) {
    argsert("<string|object> [array|string]", [key2, value], arguments.length);
    if (typeof key2 === "object") {
      Object.keys(key2).forEach((k) => {
        self.conflicts(k, key2[k]);
      });
    } else {
      yargs.global(key2);
      if (!conflicting[key2]) {
        conflicting[key2] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.conflicts(key2, i));
      } else {
        conflicting[key2].push(value);
      }
    }
  };
  self.getConflicting = () => conflicting;
  self.conflicting = function conflictingFn(argv) {
    Object.keys(argv).forEach((key2) => {
      if (conflicting[key2]) {
        conflicting[key2].forEach((value) => {
          if (value && argv[key2] !== void 0 && argv[value] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key2, value));
          }
        });
      }
    });
    if (yargs.getInternalMethods().getParserConfiguration()["strip-dashed"]) {
      Object.keys(conflicting).forEach((key2) => {
        conflicting[key2].forEach((value) => {
          if (value && argv[shim3.Parser.camelCase(key2)] !== void 0 && argv[shim3.Parser.camelCase(value)] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key2, value));
          }
        });
      });
    }
  };
  self.recommendCommands = function recommendCommands(cmd, potentialCommands) {
    const threshold = 3;
    potentialCommands = potentialCommands.sort((a, b) => b.length - a.length);
    let recommended = null;
    let bestDistance = Infinity;
    for (let i = 0, candidate; (candidate = potentialCommands[i]) !== void 0; i++) {
      const d = levenshtein(cmd, candidate);
      if (d <= threshold && d < bestDistance) {
        bestDistance = d;
        recommended = candidate;
      }
    }
    if (recommended)
      usage2.fail(__("Did you mean %s?", recommended));
  };
  self.reset = function reset2(localLookup) {
    implied = objFilter(implied, (k) => !localLookup[k]);
    conflicting = objFilter(conflicting, (k) => !localLookup[k]);
    return self;
  };
  const frozens = [];
  self.freeze = function freeze() {
    frozens.push({
      implied,
      conflicting
    });
  };
  self.unfreeze = function unfreeze() {
    const frozen = frozens.pop();
    assertNotStrictEqual(frozen, void 0, shim3);
    ({ implied, conflicting } = frozen);
  };
  return self;
}

// node_modules/yargs/build/lib/utils/apply-extends.js
var previouslyVisitedConfigs = [];
var shim2;
function applyExtends(config, cwd, mergeExtends, _shim) {
  shim2 = _shim;
  let defaultConfig = {};
  if (Object.prototype.hasOwnProperty.call(config, "extends")) {
    if (typeof config.extends !== "string")
      return defaultConfig;
    const isPath = /\.json|\..*rc$/.test(config.extends);
    let pathToDefault = null;
    if (!isPath) {
      try {
        pathToDefault = import.meta.resolve(config.extends);
      } catch (_err) {
        return config;
      }
    } else {
      pathToDefault = getPathToDefaultConfig(cwd, config.extends);
    }
    checkForCircularExtends(pathToDefault);
    previouslyVisitedConfigs.push(pathToDefault);
    defaultConfig = isPath ? JSON.parse(shim2.readFileSync(pathToDefault, "utf8")) : _shim.require(config.extends);
    delete config.extends;
    defaultConfig = applyExtends(defaultConfig, shim2.path.dirname(pathToDefault), mergeExtends, shim2);
  }
  previouslyVisitedConfigs = [];
  return mergeExtends ? mergeDeep(defaultConfig, config) : Object.assign({}, defaultConfig, config);
}
function checkForCircularExtends(cfgPath) {
  if (previouslyVisitedConfigs.indexOf(cfgPath) > -1) {
    throw new YError(`Circular extended configurations: '${cfgPath}'.`);
  }
}
function getPathToDefaultConfig(cwd, pathToExtend) {
  return shim2.path.resolve(cwd, pathToExtend);
}
function mergeDeep(config1, config2) {
  const target2 = {};
  function isObject6(obj) {
    return obj && typeof obj === "object" && !Array.isArray(obj);
  }
  Object.assign(target2, config1);
  for (const key2 of Object.keys(config2)) {
    if (key2 === "__proto__")
      continue;
    if (isObject6(config2[key2]) && isObject6(target2[key2])) {
      target2[key2] = mergeDeep(config1[key2], config2[key2]);
    } else {
      target2[key2] = config2[key2];
    }
  }
  return target2;
}

// node_modules/yargs/build/lib/yargs-factory.js
var __classPrivateFieldSet = function(receiver, state, value, kind, f) {
  if (kind === "m") throw new TypeError("Private method is not writable");
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
  return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
};
var __classPrivateFieldGet = function(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _YargsInstance_command;
var _YargsInstance_cwd;
var _YargsInstance_context;
var _YargsInstance_completion;
var _YargsInstance_completionCommand;
var _YargsInstance_defaultShowHiddenOpt;
var _YargsInstance_exitError;
var _YargsInstance_detectLocale;
var _YargsInstance_emittedWarnings;
var _YargsInstance_exitProcess;
var _YargsInstance_frozens;
var _YargsInstance_globalMiddleware;
var _YargsInstance_groups;
var _YargsInstance_hasOutput;
var _YargsInstance_helpOpt;
var _YargsInstance_isGlobalContext;
var _YargsInstance_logger;
var _YargsInstance_output;
var _YargsInstance_options;
var _YargsInstance_parentRequire;
var _YargsInstance_parserConfig;
var _YargsInstance_parseFn;
var _YargsInstance_parseContext;
var _YargsInstance_pkgs;
var _YargsInstance_preservedGroups;
var _YargsInstance_processArgs;
var _YargsInstance_recommendCommands;
var _YargsInstance_shim;
var _YargsInstance_strict;
var _YargsInstance_strictCommands;
var _YargsInstance_strictOptions;
var _YargsInstance_usage;
var _YargsInstance_usageConfig;
var _YargsInstance_versionOpt;
var _YargsInstance_validation;
function YargsFactory(_shim) {
  return (processArgs = [], cwd = _shim.process.cwd(), parentRequire) => {
    const yargs = new YargsInstance(processArgs, cwd, parentRequire, _shim);
    Object.defineProperty(yargs, "argv", {
      get: () => {
        return yargs.parse();
      },
      enumerable: true
    });
    yargs.help();
    yargs.version();
    return yargs;
  };
}
var kCopyDoubleDash = /* @__PURE__ */ Symbol("copyDoubleDash");
var kCreateLogger = /* @__PURE__ */ Symbol("copyDoubleDash");
var kDeleteFromParserHintObject = /* @__PURE__ */ Symbol("deleteFromParserHintObject");
var kEmitWarning = /* @__PURE__ */ Symbol("emitWarning");
var kFreeze = /* @__PURE__ */ Symbol("freeze");
var kGetDollarZero = /* @__PURE__ */ Symbol("getDollarZero");
var kGetParserConfiguration = /* @__PURE__ */ Symbol("getParserConfiguration");
var kGetUsageConfiguration = /* @__PURE__ */ Symbol("getUsageConfiguration");
var kGuessLocale = /* @__PURE__ */ Symbol("guessLocale");
var kGuessVersion = /* @__PURE__ */ Symbol("guessVersion");
var kParsePositionalNumbers = /* @__PURE__ */ Symbol("parsePositionalNumbers");
var kPkgUp = /* @__PURE__ */ Symbol("pkgUp");
var kPopulateParserHintArray = /* @__PURE__ */ Symbol("populateParserHintArray");
var kPopulateParserHintSingleValueDictionary = /* @__PURE__ */ Symbol("populateParserHintSingleValueDictionary");
var kPopulateParserHintArrayDictionary = /* @__PURE__ */ Symbol("populateParserHintArrayDictionary");
var kPopulateParserHintDictionary = /* @__PURE__ */ Symbol("populateParserHintDictionary");
var kSanitizeKey = /* @__PURE__ */ Symbol("sanitizeKey");
var kSetKey = /* @__PURE__ */ Symbol("setKey");
var kUnfreeze = /* @__PURE__ */ Symbol("unfreeze");
var kValidateAsync = /* @__PURE__ */ Symbol("validateAsync");
var kGetCommandInstance = /* @__PURE__ */ Symbol("getCommandInstance");
var kGetContext = /* @__PURE__ */ Symbol("getContext");
var kGetHasOutput = /* @__PURE__ */ Symbol("getHasOutput");
var kGetLoggerInstance = /* @__PURE__ */ Symbol("getLoggerInstance");
var kGetParseContext = /* @__PURE__ */ Symbol("getParseContext");
var kGetUsageInstance = /* @__PURE__ */ Symbol("getUsageInstance");
var kGetValidationInstance = /* @__PURE__ */ Symbol("getValidationInstance");
var kHasParseCallback = /* @__PURE__ */ Symbol("hasParseCallback");
var kIsGlobalContext = /* @__PURE__ */ Symbol("isGlobalContext");
var kPostProcess = /* @__PURE__ */ Symbol("postProcess");
var kRebase = /* @__PURE__ */ Symbol("rebase");
var kReset = /* @__PURE__ */ Symbol("reset");
var kRunYargsParserAndExecuteCommands = /* @__PURE__ */ Symbol("runYargsParserAndExecuteCommands");
var kRunValidation = /* @__PURE__ */ Symbol("runValidation");
var kSetHasOutput = /* @__PURE__ */ Symbol("setHasOutput");
var kTrackManuallySetKeys = /* @__PURE__ */ Symbol("kTrackManuallySetKeys");
var DEFAULT_LOCALE = "en_US";
var YargsInstance = class {
  constructor(processArgs = [], cwd, parentRequire, shim3) {
    this.customScriptName = false;
    this.parsed = false;
    _YargsInstance_command.set(this, void 0);
    _YargsInstance_cwd.set(this, void 0);
    _YargsInstance_context.set(this, { commands: [], fullCommands: [] });
    _YargsInstance_completion.set(this, null);
    _YargsInstance_completionCommand.set(this, null);
    _YargsInstance_defaultShowHiddenOpt.set(this, "show-hidden");
    _YargsInstance_exitError.set(this, null);
    _YargsInstance_detectLocale.set(this, true);
    _YargsInstance_emittedWarnings.set(this, {});
    _YargsInstance_exitProcess.set(this, true);
    _YargsInstance_frozens.set(this, []);
    _YargsInstance_globalMiddleware.set(this, void 0);
    _YargsInstance_groups.set(this, {});
    _YargsInstance_hasOutput.set(this, false);
    _YargsInstance_helpOpt.set(this, null);
    _YargsInstance_isGlobalContext.set(this, true);
    _YargsInstance_logger.set(this, void 0);
    _YargsInstance_output.set(this, "");
    _YargsInstance_options.set(this, void 0);
    _YargsInstance_parentRequire.set(this, void 0);
    _YargsInstance_parserConfig.set(this, {});
    _YargsInstance_parseFn.set(this, null);
    _YargsInstance_parseContext.set(this, null);
    _YargsInstance_pkgs.set(this, {});
    _YargsInstance_preservedGroups.set(this, {});
    _YargsInstance_processArgs.set(this, void 0);
    _YargsInstance_recommendCommands.set(this, false);
    _YargsInstance_shim.set(this, void 0);
    _YargsInstance_strict.set(this, false);
    _YargsInstance_strictCommands.set(this, false);
    _YargsInstance_strictOptions.set(this, false);
    _YargsInstance_usage.set(this, void 0);
    _YargsInstance_usageConfig.set(this, {});
    _YargsInstance_versionOpt.set(this, null);
    _YargsInstance_validation.set(this, void 0);
    __classPrivateFieldSet(this, _YargsInstance_shim, shim3, "f");
    __classPrivateFieldSet(this, _YargsInstance_processArgs, processArgs, "f");
    __classPrivateFieldSet(this, _YargsInstance_cwd, cwd, "f");
    __classPrivateFieldSet(this, _YargsInstance_parentRequire, parentRequire, "f");
    __classPrivateFieldSet(this, _YargsInstance_globalMiddleware, new GlobalMiddleware(this), "f");
    this.$0 = this[kGetDollarZero]();
    this[kReset]();
    __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f"), "f");
    __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f"), "f");
    __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
    __classPrivateFieldSet(this, _YargsInstance_logger, this[kCreateLogger](), "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(DEFAULT_LOCALE);
  }
  addHelpOpt(opt, msg) {
    const defaultHelpOpt = "help";
    argsert("[string|boolean] [string]", [opt, msg], arguments.length);
    if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
      this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
      __classPrivateFieldSet(this, _YargsInstance_helpOpt, null, "f");
    }
    if (opt === false && msg === void 0)
      return this;
    __classPrivateFieldSet(this, _YargsInstance_helpOpt, typeof opt === "string" ? opt : defaultHelpOpt, "f");
    this.boolean(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"));
    this.describe(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"), msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show help"));
    return this;
  }
  help(opt, msg) {
    return this.addHelpOpt(opt, msg);
  }
  addShowHiddenOpt(opt, msg) {
    argsert("[string|boolean] [string]", [opt, msg], arguments.length);
    if (opt === false && msg === void 0)
      return this;
    const showHiddenOpt = typeof opt === "string" ? opt : __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
    this.boolean(showHiddenOpt);
    this.describe(showHiddenOpt, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show hidden options"));
    __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = showHiddenOpt;
    return this;
  }
  showHidden(opt, msg) {
    return this.addShowHiddenOpt(opt, msg);
  }
  alias(key2, value) {
    argsert("<object|string|array> [string|array]", [key2, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.alias.bind(this), "alias", key2, value);
    return this;
  }
  array(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("array", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  boolean(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("boolean", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  check(f, global) {
    argsert("<function> [boolean]", [f, global], arguments.length);
    this.middleware((argv, _yargs) => {
      return maybeAsyncResult(() => {
        return f(argv, _yargs.getOptions());
      }, (result) => {
        if (!result) {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(__classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__("Argument check failed: %s", f.toString()));
        } else if (typeof result === "string" || result instanceof Error) {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(result.toString(), result);
        }
        return argv;
      }, (err) => {
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message ? err.message : err.toString(), err);
        return argv;
      });
    }, false, global);
    return this;
  }
  choices(key2, value) {
    argsert("<object|string|array> [string|array]", [key2, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.choices.bind(this), "choices", key2, value);
    return this;
  }
  coerce(keys, value) {
    argsert("<object|string|array> [function]", [keys, value], arguments.length);
    if (Array.isArray(keys)) {
      if (!value) {
        throw new YError("coerce callback must be provided");
      }
      for (const key2 of keys) {
        this.coerce(key2, value);
      }
      return this;
    } else if (typeof keys === "object") {
      for (const key2 of Object.keys(keys)) {
        this.coerce(key2, keys[key2]);
      }
      return this;
    }
    if (!value) {
      throw new YError("coerce callback must be provided");
    }
    const coerceKey = keys;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").key[coerceKey] = true;
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addCoerceMiddleware((argv, yargs) => {
      var _a2;
      const coerceKeyAliases = (_a2 = yargs.getAliases()[coerceKey]) !== null && _a2 !== void 0 ? _a2 : [];
      const argvKeys = [coerceKey, ...coerceKeyAliases].filter((key2) => Object.prototype.hasOwnProperty.call(argv, key2));
      if (argvKeys.length === 0) {
        return argv;
      }
      return maybeAsyncResult(() => {
        return value(argv[argvKeys[0]]);
      }, (result) => {
        argvKeys.forEach((key2) => {
          argv[key2] = result;
        });
        return argv;
      }, (err) => {
        throw new YError(err.message);
      });
    }, coerceKey);
    return this;
  }
  conflicts(key1, key2) {
    argsert("<string|object> [string|array]", [key1, key2], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicts(key1, key2);
    return this;
  }
  config(key2 = "config", msg, parseFn) {
    argsert("[object|string] [string|function] [function]", [key2, msg, parseFn], arguments.length);
    if (typeof key2 === "object" && !Array.isArray(key2)) {
      key2 = applyExtends(key2, __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(key2);
      return this;
    }
    if (typeof msg === "function") {
      parseFn = msg;
      msg = void 0;
    }
    this.describe(key2, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Path to JSON config file"));
    (Array.isArray(key2) ? key2 : [key2]).forEach((k) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").config[k] = parseFn || true;
    });
    return this;
  }
  completion(cmd, desc, fn) {
    argsert("[string] [string|boolean|function] [function]", [cmd, desc, fn], arguments.length);
    if (typeof desc === "function") {
      fn = desc;
      desc = void 0;
    }
    __classPrivateFieldSet(this, _YargsInstance_completionCommand, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion", "f");
    if (!desc && desc !== false) {
      desc = "generate completion script";
    }
    this.command(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"), desc);
    if (fn)
      __classPrivateFieldGet(this, _YargsInstance_completion, "f").registerFunction(fn);
    return this;
  }
  command(cmd, description, builder, handler, middlewares, deprecated) {
    argsert("<string|array|object> [string|boolean] [function|object] [function] [array] [boolean|string]", [cmd, description, builder, handler, middlewares, deprecated], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_command, "f").addHandler(cmd, description, builder, handler, middlewares, deprecated);
    return this;
  }
  commands(cmd, description, builder, handler, middlewares, deprecated) {
    return this.command(cmd, description, builder, handler, middlewares, deprecated);
  }
  commandDir(dir, opts) {
    argsert("<string> [object]", [dir, opts], arguments.length);
    const req = __classPrivateFieldGet(this, _YargsInstance_parentRequire, "f") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").require;
    __classPrivateFieldGet(this, _YargsInstance_command, "f").addDirectory(dir, req, __classPrivateFieldGet(this, _YargsInstance_shim, "f").getCallerFile(), opts);
    return this;
  }
  count(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("count", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  default(key2, value, defaultDescription) {
    argsert("<object|string|array> [*] [string]", [key2, value, defaultDescription], arguments.length);
    if (defaultDescription) {
      assertSingleKey(key2, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key2] = defaultDescription;
    }
    if (typeof value === "function") {
      assertSingleKey(key2, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key2])
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key2] = __classPrivateFieldGet(this, _YargsInstance_usage, "f").functionDescription(value);
      value = value.call();
    }
    this[kPopulateParserHintSingleValueDictionary](this.default.bind(this), "default", key2, value);
    return this;
  }
  defaults(key2, value, defaultDescription) {
    return this.default(key2, value, defaultDescription);
  }
  demandCommand(min = 1, max, minMsg, maxMsg) {
    argsert("[number] [number|string] [string|null|undefined] [string|null|undefined]", [min, max, minMsg, maxMsg], arguments.length);
    if (typeof max !== "number") {
      minMsg = max;
      max = Infinity;
    }
    this.global("_", false);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands._ = {
      min,
      max,
      minMsg,
      maxMsg
    };
    return this;
  }
  demand(keys, max, msg) {
    if (Array.isArray(max)) {
      max.forEach((key2) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key2, msg);
      });
      max = Infinity;
    } else if (typeof max !== "number") {
      msg = max;
      max = Infinity;
    }
    if (typeof keys === "number") {
      assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      this.demandCommand(keys, max, msg, msg);
    } else if (Array.isArray(keys)) {
      keys.forEach((key2) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key2, msg);
      });
    } else {
      if (typeof msg === "string") {
        this.demandOption(keys, msg);
      } else if (msg === true || typeof msg === "undefined") {
        this.demandOption(keys);
      }
    }
    return this;
  }
  demandOption(keys, msg) {
    argsert("<object|string|array> [string]", [keys, msg], arguments.length);
    this[kPopulateParserHintSingleValueDictionary](this.demandOption.bind(this), "demandedOptions", keys, msg);
    return this;
  }
  deprecateOption(option, message) {
    argsert("<string> [string|boolean]", [option, message], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions[option] = message;
    return this;
  }
  describe(keys, description) {
    argsert("<object|string|array> [string]", [keys, description], arguments.length);
    this[kSetKey](keys, true);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").describe(keys, description);
    return this;
  }
  detectLocale(detect) {
    argsert("<boolean>", [detect], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, detect, "f");
    return this;
  }
  env(prefix) {
    argsert("[string|boolean]", [prefix], arguments.length);
    if (prefix === false)
      delete __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
    else
      __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix = prefix || "";
    return this;
  }
  epilogue(msg) {
    argsert("<string>", [msg], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").epilog(msg);
    return this;
  }
  epilog(msg) {
    return this.epilogue(msg);
  }
  example(cmd, description) {
    argsert("<string|array> [string]", [cmd, description], arguments.length);
    if (Array.isArray(cmd)) {
      cmd.forEach((exampleParams) => this.example(...exampleParams));
    } else {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").example(cmd, description);
    }
    return this;
  }
  exit(code, err) {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    __classPrivateFieldSet(this, _YargsInstance_exitError, err, "f");
    if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
      __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.exit(code);
  }
  exitProcess(enabled = true) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_exitProcess, enabled, "f");
    return this;
  }
  fail(f) {
    argsert("<function|boolean>", [f], arguments.length);
    if (typeof f === "boolean" && f !== false) {
      throw new YError("Invalid first argument. Expected function or boolean 'false'");
    }
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").failFn(f);
    return this;
  }
  getAliases() {
    return this.parsed ? this.parsed.aliases : {};
  }
  async getCompletion(args2, done) {
    argsert("<array> [function]", [args2, done], arguments.length);
    if (!done) {
      return new Promise((resolve6, reject) => {
        __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args2, (err, completions) => {
          if (err)
            reject(err);
          else
            resolve6(completions);
        });
      });
    } else {
      return __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args2, done);
    }
  }
  getDemandedOptions() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedOptions;
  }
  getDemandedCommands() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands;
  }
  getDeprecatedOptions() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions;
  }
  getDetectLocale() {
    return __classPrivateFieldGet(this, _YargsInstance_detectLocale, "f");
  }
  getExitProcess() {
    return __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f");
  }
  getGroups() {
    return Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_groups, "f"), __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"));
  }
  getHelp() {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
      if (!this.parsed) {
        const parse2 = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse2)) {
          return parse2.then(() => {
            return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
          });
        }
      }
      const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
      if (isPromise(builderResponse)) {
        return builderResponse.then(() => {
          return __classPrivateFieldGet(this, _YargsInstance_usage, "f").help();
        });
      }
    }
    return Promise.resolve(__classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
  }
  getOptions() {
    return __classPrivateFieldGet(this, _YargsInstance_options, "f");
  }
  getStrict() {
    return __classPrivateFieldGet(this, _YargsInstance_strict, "f");
  }
  getStrictCommands() {
    return __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f");
  }
  getStrictOptions() {
    return __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f");
  }
  global(globals, global) {
    argsert("<string|array> [boolean]", [globals, global], arguments.length);
    globals = [].concat(globals);
    if (global !== false) {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local.filter((l) => globals.indexOf(l) === -1);
    } else {
      globals.forEach((g) => {
        if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").local.includes(g))
          __classPrivateFieldGet(this, _YargsInstance_options, "f").local.push(g);
      });
    }
    return this;
  }
  group(opts, groupName) {
    argsert("<string|array> <string>", [opts, groupName], arguments.length);
    const existing = __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName] || __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName];
    if (__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName]) {
      delete __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName];
    }
    const seen = {};
    __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName] = (existing || []).concat(opts).filter((key2) => {
      if (seen[key2])
        return false;
      return seen[key2] = true;
    });
    return this;
  }
  hide(key2) {
    argsert("<string>", [key2], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").hiddenOptions.push(key2);
    return this;
  }
  implies(key2, value) {
    argsert("<string|object> [number|string|array]", [key2, value], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").implies(key2, value);
    return this;
  }
  locale(locale) {
    argsert("[string]", [locale], arguments.length);
    if (locale === void 0) {
      this[kGuessLocale]();
      return __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.getLocale();
    }
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(locale);
    return this;
  }
  middleware(callback, applyBeforeValidation, global) {
    return __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addMiddleware(callback, !!applyBeforeValidation, global);
  }
  nargs(key2, value) {
    argsert("<string|object|array> [number]", [key2, value], arguments.length);
    this[kPopulateParserHintSingleValueDictionary](this.nargs.bind(this), "narg", key2, value);
    return this;
  }
  normalize(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("normalize", keys);
    return this;
  }
  number(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("number", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  option(key2, opt) {
    argsert("<string|object> [object]", [key2, opt], arguments.length);
    if (typeof key2 === "object") {
      Object.keys(key2).forEach((k) => {
        this.options(k, key2[k]);
      });
    } else {
      if (typeof opt !== "object") {
        opt = {};
      }
      this[kTrackManuallySetKeys](key2);
      if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (key2 === "version" || (opt === null || opt === void 0 ? void 0 : opt.alias) === "version")) {
        this[kEmitWarning]([
          '"version" is a reserved word.',
          "Please do one of the following:",
          '- Disable version with `yargs.version(false)` if using "version" as an option',
          "- Use the built-in `yargs.version` method instead (if applicable)",
          "- Use a different option key",
          "https://yargs.js.org/docs/#api-reference-version"
        ].join("\n"), void 0, "versionWarning");
      }
      __classPrivateFieldGet(this, _YargsInstance_options, "f").key[key2] = true;
      if (opt.alias)
        this.alias(key2, opt.alias);
      const deprecate = opt.deprecate || opt.deprecated;
      if (deprecate) {
        this.deprecateOption(key2, deprecate);
      }
      const demand = opt.demand || opt.required || opt.require;
      if (demand) {
        this.demand(key2, demand);
      }
      if (opt.demandOption) {
        this.demandOption(key2, typeof opt.demandOption === "string" ? opt.demandOption : void 0);
      }
      if (opt.conflicts) {
        this.conflicts(key2, opt.conflicts);
      }
      if ("default" in opt) {
        this.default(key2, opt.default);
      }
      if (opt.implies !== void 0) {
        this.implies(key2, opt.implies);
      }
      if (opt.nargs !== void 0) {
        this.nargs(key2, opt.nargs);
      }
      if (opt.config) {
        this.config(key2, opt.configParser);
      }
      if (opt.normalize) {
        this.normalize(key2);
      }
      if (opt.choices) {
        this.choices(key2, opt.choices);
      }
      if (opt.coerce) {
        this.coerce(key2, opt.coerce);
      }
      if (opt.group) {
        this.group(key2, opt.group);
      }
      if (opt.boolean || opt.type === "boolean") {
        this.boolean(key2);
        if (opt.alias)
          this.boolean(opt.alias);
      }
      if (opt.array || opt.type === "array") {
        this.array(key2);
        if (opt.alias)
          this.array(opt.alias);
      }
      if (opt.number || opt.type === "number") {
        this.number(key2);
        if (opt.alias)
          this.number(opt.alias);
      }
      if (opt.string || opt.type === "string") {
        this.string(key2);
        if (opt.alias)
          this.string(opt.alias);
      }
      if (opt.count || opt.type === "count") {
        this.count(key2);
      }
      if (typeof opt.global === "boolean") {
        this.global(key2, opt.global);
      }
      if (opt.defaultDescription) {
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key2] = opt.defaultDescription;
      }
      if (opt.skipValidation) {
        this.skipValidation(key2);
      }
      const desc = opt.describe || opt.description || opt.desc;
      const descriptions = __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions();
      if (!Object.prototype.hasOwnProperty.call(descriptions, key2) || typeof desc === "string") {
        this.describe(key2, desc);
      }
      if (opt.hidden) {
        this.hide(key2);
      }
      if (opt.requiresArg) {
        this.requiresArg(key2);
      }
    }
    return this;
  }
  options(key2, opt) {
    return this.option(key2, opt);
  }
  parse(args2, shortCircuit, _parseFn) {
    argsert("[string|array] [function|boolean|object] [function]", [args2, shortCircuit, _parseFn], arguments.length);
    this[kFreeze]();
    if (typeof args2 === "undefined") {
      args2 = __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
    }
    if (typeof shortCircuit === "object") {
      __classPrivateFieldSet(this, _YargsInstance_parseContext, shortCircuit, "f");
      shortCircuit = _parseFn;
    }
    if (typeof shortCircuit === "function") {
      __classPrivateFieldSet(this, _YargsInstance_parseFn, shortCircuit, "f");
      shortCircuit = false;
    }
    if (!shortCircuit)
      __classPrivateFieldSet(this, _YargsInstance_processArgs, args2, "f");
    if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
      __classPrivateFieldSet(this, _YargsInstance_exitProcess, false, "f");
    const parsed = this[kRunYargsParserAndExecuteCommands](args2, !!shortCircuit);
    const tmpParsed = this.parsed;
    __classPrivateFieldGet(this, _YargsInstance_completion, "f").setParsed(this.parsed);
    if (isPromise(parsed)) {
      return parsed.then((argv) => {
        if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
          __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
        return argv;
      }).catch((err) => {
        if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f")) {
          __classPrivateFieldGet(this, _YargsInstance_parseFn, "f")(err, this.parsed.argv, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
        }
        throw err;
      }).finally(() => {
        this[kUnfreeze]();
        this.parsed = tmpParsed;
      });
    } else {
      if (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f"))
        __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), parsed, __classPrivateFieldGet(this, _YargsInstance_output, "f"));
      this[kUnfreeze]();
      this.parsed = tmpParsed;
    }
    return parsed;
  }
  parseAsync(args2, shortCircuit, _parseFn) {
    const maybePromise = this.parse(args2, shortCircuit, _parseFn);
    return !isPromise(maybePromise) ? Promise.resolve(maybePromise) : maybePromise;
  }
  parseSync(args2, shortCircuit, _parseFn) {
    const maybePromise = this.parse(args2, shortCircuit, _parseFn);
    if (isPromise(maybePromise)) {
      throw new YError(".parseSync() must not be used with asynchronous builders, handlers, or middleware");
    }
    return maybePromise;
  }
  parserConfiguration(config) {
    argsert("<object>", [config], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_parserConfig, config, "f");
    return this;
  }
  pkgConf(key2, rootPath) {
    argsert("<string> [string]", [key2, rootPath], arguments.length);
    let conf = null;
    const obj = this[kPkgUp](rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"));
    if (obj[key2] && typeof obj[key2] === "object") {
      conf = applyExtends(obj[key2], rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(conf);
    }
    return this;
  }
  positional(key2, opts) {
    argsert("<string> <object>", [key2, opts], arguments.length);
    const supportedOpts = [
      "default",
      "defaultDescription",
      "implies",
      "normalize",
      "choices",
      "conflicts",
      "coerce",
      "type",
      "describe",
      "desc",
      "description",
      "alias"
    ];
    opts = objFilter(opts, (k, v) => {
      if (k === "type" && !["string", "number", "boolean"].includes(v))
        return false;
      return supportedOpts.includes(k);
    });
    const fullCommand = __classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands[__classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands.length - 1];
    const parseOptions = fullCommand ? __classPrivateFieldGet(this, _YargsInstance_command, "f").cmdToParseOptions(fullCommand) : {
      array: [],
      alias: {},
      default: {},
      demand: {}
    };
    objectKeys(parseOptions).forEach((pk) => {
      const parseOption = parseOptions[pk];
      if (Array.isArray(parseOption)) {
        if (parseOption.indexOf(key2) !== -1)
          opts[pk] = true;
      } else {
        if (parseOption[key2] && !(pk in opts))
          opts[pk] = parseOption[key2];
      }
    });
    this.group(key2, __classPrivateFieldGet(this, _YargsInstance_usage, "f").getPositionalGroupName());
    return this.option(key2, opts);
  }
  recommendCommands(recommend = true) {
    argsert("[boolean]", [recommend], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_recommendCommands, recommend, "f");
    return this;
  }
  required(keys, max, msg) {
    return this.demand(keys, max, msg);
  }
  require(keys, max, msg) {
    return this.demand(keys, max, msg);
  }
  requiresArg(keys) {
    argsert("<array|string|object> [number]", [keys], arguments.length);
    if (typeof keys === "string" && __classPrivateFieldGet(this, _YargsInstance_options, "f").narg[keys]) {
      return this;
    } else {
      this[kPopulateParserHintSingleValueDictionary](this.requiresArg.bind(this), "narg", keys, NaN);
    }
    return this;
  }
  showCompletionScript($0, cmd) {
    argsert("[string] [string]", [$0, cmd], arguments.length);
    $0 = $0 || this.$0;
    __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(__classPrivateFieldGet(this, _YargsInstance_completion, "f").generateCompletionScript($0, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion"));
    return this;
  }
  showHelp(level) {
    argsert("[string|function]", [level], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
      if (!this.parsed) {
        const parse2 = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse2)) {
          parse2.then(() => {
            __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
          });
          return this;
        }
      }
      const builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
      if (isPromise(builderResponse)) {
        builderResponse.then(() => {
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
        });
        return this;
      }
    }
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
    return this;
  }
  scriptName(scriptName) {
    this.customScriptName = true;
    this.$0 = scriptName;
    return this;
  }
  showHelpOnFail(enabled, message) {
    argsert("[boolean|string] [string]", [enabled, message], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelpOnFail(enabled, message);
    return this;
  }
  showVersion(level) {
    argsert("[string|function]", [level], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion(level);
    return this;
  }
  skipValidation(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("skipValidation", keys);
    return this;
  }
  strict(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strict, enabled !== false, "f");
    return this;
  }
  strictCommands(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strictCommands, enabled !== false, "f");
    return this;
  }
  strictOptions(enabled) {
    argsert("[boolean]", [enabled], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_strictOptions, enabled !== false, "f");
    return this;
  }
  string(keys) {
    argsert("<array|string>", [keys], arguments.length);
    this[kPopulateParserHintArray]("string", keys);
    this[kTrackManuallySetKeys](keys);
    return this;
  }
  terminalWidth() {
    argsert([], 0);
    return __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.stdColumns;
  }
  updateLocale(obj) {
    return this.updateStrings(obj);
  }
  updateStrings(obj) {
    argsert("<object>", [obj], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_detectLocale, false, "f");
    __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.updateLocale(obj);
    return this;
  }
  usage(msg, description, builder, handler) {
    argsert("<string|null|undefined> [string|boolean] [function|object] [function]", [msg, description, builder, handler], arguments.length);
    if (description !== void 0) {
      assertNotStrictEqual(msg, null, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      if ((msg || "").match(/^\$0( |$)/)) {
        return this.command(msg, description, builder, handler);
      } else {
        throw new YError(".usage() description must start with $0 if being used as alias for .command()");
      }
    } else {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").usage(msg);
      return this;
    }
  }
  usageConfiguration(config) {
    argsert("<object>", [config], arguments.length);
    __classPrivateFieldSet(this, _YargsInstance_usageConfig, config, "f");
    return this;
  }
  version(opt, msg, ver) {
    const defaultVersionOpt = "version";
    argsert("[boolean|string] [string] [string]", [opt, msg, ver], arguments.length);
    if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f")) {
      this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(void 0);
      __classPrivateFieldSet(this, _YargsInstance_versionOpt, null, "f");
    }
    if (arguments.length === 0) {
      ver = this[kGuessVersion]();
      opt = defaultVersionOpt;
    } else if (arguments.length === 1) {
      if (opt === false) {
        return this;
      }
      ver = opt;
      opt = defaultVersionOpt;
    } else if (arguments.length === 2) {
      ver = msg;
      msg = void 0;
    }
    __classPrivateFieldSet(this, _YargsInstance_versionOpt, typeof opt === "string" ? opt : defaultVersionOpt, "f");
    msg = msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show version number");
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(ver || void 0);
    this.boolean(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"));
    this.describe(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"), msg);
    return this;
  }
  wrap(cols) {
    argsert("<number|null|undefined>", [cols], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").wrap(cols);
    return this;
  }
  [(_YargsInstance_command = /* @__PURE__ */ new WeakMap(), _YargsInstance_cwd = /* @__PURE__ */ new WeakMap(), _YargsInstance_context = /* @__PURE__ */ new WeakMap(), _YargsInstance_completion = /* @__PURE__ */ new WeakMap(), _YargsInstance_completionCommand = /* @__PURE__ */ new WeakMap(), _YargsInstance_defaultShowHiddenOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitError = /* @__PURE__ */ new WeakMap(), _YargsInstance_detectLocale = /* @__PURE__ */ new WeakMap(), _YargsInstance_emittedWarnings = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitProcess = /* @__PURE__ */ new WeakMap(), _YargsInstance_frozens = /* @__PURE__ */ new WeakMap(), _YargsInstance_globalMiddleware = /* @__PURE__ */ new WeakMap(), _YargsInstance_groups = /* @__PURE__ */ new WeakMap(), _YargsInstance_hasOutput = /* @__PURE__ */ new WeakMap(), _YargsInstance_helpOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_isGlobalContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_logger = /* @__PURE__ */ new WeakMap(), _YargsInstance_output = /* @__PURE__ */ new WeakMap(), _YargsInstance_options = /* @__PURE__ */ new WeakMap(), _YargsInstance_parentRequire = /* @__PURE__ */ new WeakMap(), _YargsInstance_parserConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseFn = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_pkgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_preservedGroups = /* @__PURE__ */ new WeakMap(), _YargsInstance_processArgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_recommendCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_shim = /* @__PURE__ */ new WeakMap(), _YargsInstance_strict = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictOptions = /* @__PURE__ */ new WeakMap(), _YargsInstance_usage = /* @__PURE__ */ new WeakMap(), _YargsInstance_usageConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_versionOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_validation = /* @__PURE__ */ new WeakMap(), kCopyDoubleDash)](argv) {
    if (!argv._ || !argv["--"])
      return argv;
    argv._.push.apply(argv._, argv["--"]);
    try {
      delete argv["--"];
    } catch (_err) {
    }
    return argv;
  }
  [kCreateLogger]() {
    return {
      log: (...args2) => {
        if (!this[kHasParseCallback]())
          console.log(...args2);
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
          __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
        __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args2.join(" "), "f");
      },
      error: (...args2) => {
        if (!this[kHasParseCallback]())
          console.error(...args2);
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
        if (__classPrivateFieldGet(this, _YargsInstance_output, "f").length)
          __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + "\n", "f");
        __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args2.join(" "), "f");
      }
    };
  }
  [kDeleteFromParserHintObject](optionKey) {
    objectKeys(__classPrivateFieldGet(this, _YargsInstance_options, "f")).forEach((hintKey) => {
      if (/* @__PURE__ */ ((key2) => key2 === "configObjects")(hintKey))
        return;
      const hint = __classPrivateFieldGet(this, _YargsInstance_options, "f")[hintKey];
      if (Array.isArray(hint)) {
        if (hint.includes(optionKey))
          hint.splice(hint.indexOf(optionKey), 1);
      } else if (typeof hint === "object") {
        delete hint[optionKey];
      }
    });
    delete __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions()[optionKey];
  }
  [kEmitWarning](warning, type, deduplicationId) {
    if (!__classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId]) {
      __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.emitWarning(warning, type);
      __classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId] = true;
    }
  }
  [kFreeze]() {
    __classPrivateFieldGet(this, _YargsInstance_frozens, "f").push({
      options: __classPrivateFieldGet(this, _YargsInstance_options, "f"),
      configObjects: __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects.slice(0),
      exitProcess: __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"),
      groups: __classPrivateFieldGet(this, _YargsInstance_groups, "f"),
      strict: __classPrivateFieldGet(this, _YargsInstance_strict, "f"),
      strictCommands: __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f"),
      strictOptions: __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f"),
      completionCommand: __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"),
      output: __classPrivateFieldGet(this, _YargsInstance_output, "f"),
      exitError: __classPrivateFieldGet(this, _YargsInstance_exitError, "f"),
      hasOutput: __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f"),
      parsed: this.parsed,
      parseFn: __classPrivateFieldGet(this, _YargsInstance_parseFn, "f"),
      parseContext: __classPrivateFieldGet(this, _YargsInstance_parseContext, "f")
    });
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_command, "f").freeze();
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").freeze();
  }
  [kGetDollarZero]() {
    let $0 = "";
    let default$0;
    if (/\b(node|iojs|electron|bun)(\.exe)?$/.test(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv()[0])) {
      default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(1, 2);
    } else {
      default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(0, 1);
    }
    $0 = default$0.map((x) => {
      const b = this[kRebase](__classPrivateFieldGet(this, _YargsInstance_cwd, "f"), x);
      return x.match(/^(\/|([a-zA-Z]:)?\\)/) && b.length < x.length ? b : x;
    }).join(" ").trim();
    if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_") && __classPrivateFieldGet(this, _YargsInstance_shim, "f").getProcessArgvBin() === __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_")) {
      $0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_").replace(`${__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.execPath())}/`, "");
    }
    return $0;
  }
  [kGetParserConfiguration]() {
    return __classPrivateFieldGet(this, _YargsInstance_parserConfig, "f");
  }
  [kGetUsageConfiguration]() {
    return __classPrivateFieldGet(this, _YargsInstance_usageConfig, "f");
  }
  [kGuessLocale]() {
    if (!__classPrivateFieldGet(this, _YargsInstance_detectLocale, "f"))
      return;
    const locale = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_ALL") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_MESSAGES") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANG") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANGUAGE") || "en_US";
    this.locale(locale.replace(/[.:].*/, ""));
  }
  [kGuessVersion]() {
    const obj = this[kPkgUp]();
    return obj.version || "unknown";
  }
  [kParsePositionalNumbers](argv) {
    const args2 = argv["--"] ? argv["--"] : argv._;
    for (let i = 0, arg; (arg = args2[i]) !== void 0; i++) {
      if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.looksLikeNumber(arg) && Number.isSafeInteger(Math.floor(parseFloat(`${arg}`)))) {
        args2[i] = Number(arg);
      }
    }
    return argv;
  }
  [kPkgUp](rootPath) {
    const npath = rootPath || "*";
    if (__classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath])
      return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
    let obj = {};
    try {
      let startDir = rootPath || __classPrivateFieldGet(this, _YargsInstance_shim, "f").mainFilename;
      if (__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.extname(startDir)) {
        startDir = __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(startDir);
      }
      const pkgJsonPath = __classPrivateFieldGet(this, _YargsInstance_shim, "f").findUp(startDir, (dir, names) => {
        if (names.includes("package.json")) {
          return "package.json";
        } else {
          return void 0;
        }
      });
      assertNotStrictEqual(pkgJsonPath, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      obj = JSON.parse(__classPrivateFieldGet(this, _YargsInstance_shim, "f").readFileSync(pkgJsonPath, "utf8"));
    } catch (_noop) {
    }
    __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath] = obj || {};
    return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
  }
  [kPopulateParserHintArray](type, keys) {
    keys = [].concat(keys);
    keys.forEach((key2) => {
      key2 = this[kSanitizeKey](key2);
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type].push(key2);
    });
  }
  [kPopulateParserHintSingleValueDictionary](builder, type, key2, value) {
    this[kPopulateParserHintDictionary](builder, type, key2, value, (type2, key3, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key3] = value2;
    });
  }
  [kPopulateParserHintArrayDictionary](builder, type, key2, value) {
    this[kPopulateParserHintDictionary](builder, type, key2, value, (type2, key3, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key3] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key3] || []).concat(value2);
    });
  }
  [kPopulateParserHintDictionary](builder, type, key2, value, singleKeyHandler) {
    if (Array.isArray(key2)) {
      key2.forEach((k) => {
        builder(k, value);
      });
    } else if (/* @__PURE__ */ ((key3) => typeof key3 === "object")(key2)) {
      for (const k of objectKeys(key2)) {
        builder(k, key2[k]);
      }
    } else {
      singleKeyHandler(type, this[kSanitizeKey](key2), value);
    }
  }
  [kSanitizeKey](key2) {
    if (key2 === "__proto__")
      return "___proto___";
    return key2;
  }
  [kSetKey](key2, set) {
    this[kPopulateParserHintSingleValueDictionary](this[kSetKey].bind(this), "key", key2, set);
    return this;
  }
  [kUnfreeze]() {
    var _a2, _b2, _c2, _d, _e, _f, _g, _h, _j, _k, _l, _m;
    const frozen = __classPrivateFieldGet(this, _YargsInstance_frozens, "f").pop();
    assertNotStrictEqual(frozen, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
    let configObjects;
    _a2 = this, _b2 = this, _c2 = this, _d = this, _e = this, _f = this, _g = this, _h = this, _j = this, _k = this, _l = this, _m = this, {
      options: { set value(_o) {
        __classPrivateFieldSet(_a2, _YargsInstance_options, _o, "f");
      } }.value,
      configObjects,
      exitProcess: { set value(_o) {
        __classPrivateFieldSet(_b2, _YargsInstance_exitProcess, _o, "f");
      } }.value,
      groups: { set value(_o) {
        __classPrivateFieldSet(_c2, _YargsInstance_groups, _o, "f");
      } }.value,
      output: { set value(_o) {
        __classPrivateFieldSet(_d, _YargsInstance_output, _o, "f");
      } }.value,
      exitError: { set value(_o) {
        __classPrivateFieldSet(_e, _YargsInstance_exitError, _o, "f");
      } }.value,
      hasOutput: { set value(_o) {
        __classPrivateFieldSet(_f, _YargsInstance_hasOutput, _o, "f");
      } }.value,
      parsed: this.parsed,
      strict: { set value(_o) {
        __classPrivateFieldSet(_g, _YargsInstance_strict, _o, "f");
      } }.value,
      strictCommands: { set value(_o) {
        __classPrivateFieldSet(_h, _YargsInstance_strictCommands, _o, "f");
      } }.value,
      strictOptions: { set value(_o) {
        __classPrivateFieldSet(_j, _YargsInstance_strictOptions, _o, "f");
      } }.value,
      completionCommand: { set value(_o) {
        __classPrivateFieldSet(_k, _YargsInstance_completionCommand, _o, "f");
      } }.value,
      parseFn: { set value(_o) {
        __classPrivateFieldSet(_l, _YargsInstance_parseFn, _o, "f");
      } }.value,
      parseContext: { set value(_o) {
        __classPrivateFieldSet(_m, _YargsInstance_parseContext, _o, "f");
      } }.value
    } = frozen;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = configObjects;
    __classPrivateFieldGet(this, _YargsInstance_usage, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_command, "f").unfreeze();
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").unfreeze();
  }
  [kValidateAsync](validation2, argv) {
    return maybeAsyncResult(argv, (result) => {
      validation2(result);
      return result;
    });
  }
  getInternalMethods() {
    return {
      getCommandInstance: this[kGetCommandInstance].bind(this),
      getContext: this[kGetContext].bind(this),
      getHasOutput: this[kGetHasOutput].bind(this),
      getLoggerInstance: this[kGetLoggerInstance].bind(this),
      getParseContext: this[kGetParseContext].bind(this),
      getParserConfiguration: this[kGetParserConfiguration].bind(this),
      getUsageConfiguration: this[kGetUsageConfiguration].bind(this),
      getUsageInstance: this[kGetUsageInstance].bind(this),
      getValidationInstance: this[kGetValidationInstance].bind(this),
      hasParseCallback: this[kHasParseCallback].bind(this),
      isGlobalContext: this[kIsGlobalContext].bind(this),
      postProcess: this[kPostProcess].bind(this),
      reset: this[kReset].bind(this),
      runValidation: this[kRunValidation].bind(this),
      runYargsParserAndExecuteCommands: this[kRunYargsParserAndExecuteCommands].bind(this),
      setHasOutput: this[kSetHasOutput].bind(this)
    };
  }
  [kGetCommandInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_command, "f");
  }
  [kGetContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_context, "f");
  }
  [kGetHasOutput]() {
    return __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f");
  }
  [kGetLoggerInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_logger, "f");
  }
  [kGetParseContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_parseContext, "f") || {};
  }
  [kGetUsageInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_usage, "f");
  }
  [kGetValidationInstance]() {
    return __classPrivateFieldGet(this, _YargsInstance_validation, "f");
  }
  [kHasParseCallback]() {
    return !!__classPrivateFieldGet(this, _YargsInstance_parseFn, "f");
  }
  [kIsGlobalContext]() {
    return __classPrivateFieldGet(this, _YargsInstance_isGlobalContext, "f");
  }
  [kPostProcess](argv, populateDoubleDash, calledFromCommand, runGlobalMiddleware) {
    if (calledFromCommand)
      return argv;
    if (isPromise(argv))
      return argv;
    if (!populateDoubleDash) {
      argv = this[kCopyDoubleDash](argv);
    }
    const parsePositionalNumbers = this[kGetParserConfiguration]()["parse-positional-numbers"] || this[kGetParserConfiguration]()["parse-positional-numbers"] === void 0;
    if (parsePositionalNumbers) {
      argv = this[kParsePositionalNumbers](argv);
    }
    if (runGlobalMiddleware) {
      argv = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
    }
    return argv;
  }
  [kReset](aliases = {}) {
    __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f") || {}, "f");
    const tmpOptions = {};
    tmpOptions.local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local || [];
    tmpOptions.configObjects = __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || [];
    const localLookup = {};
    tmpOptions.local.forEach((l) => {
      localLookup[l] = true;
      (aliases[l] || []).forEach((a) => {
        localLookup[a] = true;
      });
    });
    Object.assign(__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"), Object.keys(__classPrivateFieldGet(this, _YargsInstance_groups, "f")).reduce((acc, groupName) => {
      const keys = __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName].filter((key2) => !(key2 in localLookup));
      if (keys.length > 0) {
        acc[groupName] = keys;
      }
      return acc;
    }, {}));
    __classPrivateFieldSet(this, _YargsInstance_groups, {}, "f");
    const arrayOptions = [
      "array",
      "boolean",
      "string",
      "skipValidation",
      "count",
      "normalize",
      "number",
      "hiddenOptions"
    ];
    const objectOptions = [
      "narg",
      "key",
      "alias",
      "default",
      "defaultDescription",
      "config",
      "choices",
      "demandedOptions",
      "demandedCommands",
      "deprecatedOptions"
    ];
    arrayOptions.forEach((k) => {
      tmpOptions[k] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[k] || []).filter((k2) => !localLookup[k2]);
    });
    objectOptions.forEach((k) => {
      tmpOptions[k] = objFilter(__classPrivateFieldGet(this, _YargsInstance_options, "f")[k], (k2) => !localLookup[k2]);
    });
    tmpOptions.envPrefix = __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix;
    __classPrivateFieldSet(this, _YargsInstance_options, tmpOptions, "f");
    __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f") ? __classPrivateFieldGet(this, _YargsInstance_usage, "f").reset(localLookup) : usage(this, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f") ? __classPrivateFieldGet(this, _YargsInstance_validation, "f").reset(localLookup) : validation(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f") ? __classPrivateFieldGet(this, _YargsInstance_command, "f").reset() : command(__classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_validation, "f"), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    if (!__classPrivateFieldGet(this, _YargsInstance_completion, "f"))
      __classPrivateFieldSet(this, _YargsInstance_completion, completion(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_command, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f");
    __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").reset();
    __classPrivateFieldSet(this, _YargsInstance_completionCommand, null, "f");
    __classPrivateFieldSet(this, _YargsInstance_output, "", "f");
    __classPrivateFieldSet(this, _YargsInstance_exitError, null, "f");
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, false, "f");
    this.parsed = false;
    return this;
  }
  [kRebase](base, dir) {
    return __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.relative(base, dir);
  }
  [kRunYargsParserAndExecuteCommands](args2, shortCircuit, calledFromCommand, commandIndex = 0, helpOnly = false) {
    var _a2, _b2, _c2, _d;
    let skipValidation = !!calledFromCommand || helpOnly;
    args2 = args2 || __classPrivateFieldGet(this, _YargsInstance_processArgs, "f");
    __classPrivateFieldGet(this, _YargsInstance_options, "f").__ = __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__;
    __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration = this[kGetParserConfiguration]();
    const populateDoubleDash = !!__classPrivateFieldGet(this, _YargsInstance_options, "f").configuration["populate--"];
    const config = Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration, {
      "populate--": true
    });
    const parsed = __classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.detailed(args2, Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f"), {
      configuration: { "parse-positional-numbers": false, ...config }
    }));
    const argv = Object.assign(parsed.argv, __classPrivateFieldGet(this, _YargsInstance_parseContext, "f"));
    let argvPromise = void 0;
    const aliases = parsed.aliases;
    let helpOptSet = false;
    let versionOptSet = false;
    Object.keys(argv).forEach((key2) => {
      if (key2 === __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && argv[key2]) {
        helpOptSet = true;
      } else if (key2 === __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && argv[key2]) {
        versionOptSet = true;
      }
    });
    argv.$0 = this.$0;
    this.parsed = parsed;
    if (commandIndex === 0) {
      __classPrivateFieldGet(this, _YargsInstance_usage, "f").clearCachedHelpMessage();
    }
    try {
      this[kGuessLocale]();
      if (shortCircuit) {
        return this[kPostProcess](argv, populateDoubleDash, !!calledFromCommand, false);
      }
      if (__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")) {
        const helpCmds = [__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")].concat(aliases[__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")] || []).filter((k) => k.length > 1);
        if (helpCmds.includes("" + argv._[argv._.length - 1])) {
          argv._.pop();
          helpOptSet = true;
        }
      }
      __classPrivateFieldSet(this, _YargsInstance_isGlobalContext, false, "f");
      const handlerKeys = __classPrivateFieldGet(this, _YargsInstance_command, "f").getCommands();
      const requestCompletions = ((_a2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _a2 === void 0 ? void 0 : _a2.completionKey) ? [
        (_b2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _b2 === void 0 ? void 0 : _b2.completionKey,
        ...(_d = this.getAliases()[(_c2 = __classPrivateFieldGet(this, _YargsInstance_completion, "f")) === null || _c2 === void 0 ? void 0 : _c2.completionKey]) !== null && _d !== void 0 ? _d : []
      ].some((key2) => Object.prototype.hasOwnProperty.call(argv, key2)) : false;
      const skipRecommendation = helpOptSet || requestCompletions || helpOnly;
      if (argv._.length) {
        if (handlerKeys.length) {
          let firstUnknownCommand;
          for (let i = commandIndex || 0, cmd; argv._[i] !== void 0; i++) {
            cmd = String(argv._[i]);
            if (handlerKeys.includes(cmd) && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
              const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(cmd, this, parsed, i + 1, helpOnly, helpOptSet || versionOptSet || helpOnly);
              return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
            } else if (!firstUnknownCommand && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
              firstUnknownCommand = cmd;
              break;
            }
          }
          if (!__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && __classPrivateFieldGet(this, _YargsInstance_recommendCommands, "f") && firstUnknownCommand && !skipRecommendation) {
            __classPrivateFieldGet(this, _YargsInstance_validation, "f").recommendCommands(firstUnknownCommand, handlerKeys);
          }
        }
        if (__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") && argv._.includes(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) && !requestCompletions) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          this.showCompletionScript();
          this.exit(0);
        }
      }
      if (__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && !skipRecommendation) {
        const innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(null, this, parsed, 0, helpOnly, helpOptSet || versionOptSet || helpOnly);
        return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, false);
      }
      if (requestCompletions) {
        if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
          setBlocking(true);
        args2 = [].concat(args2);
        const completionArgs = args2.slice(args2.indexOf(`--${__classPrivateFieldGet(this, _YargsInstance_completion, "f").completionKey}`) + 1);
        __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(completionArgs, (err, completions) => {
          if (err)
            throw new YError(err.message);
          (completions || []).forEach((completion2) => {
            __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(completion2);
          });
          this.exit(0);
        });
        return this[kPostProcess](argv, !populateDoubleDash, !!calledFromCommand, false);
      }
      if (!__classPrivateFieldGet(this, _YargsInstance_hasOutput, "f")) {
        if (helpOptSet) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          skipValidation = true;
          this.showHelp((message) => {
            __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(message);
            this.exit(0);
          });
        } else if (versionOptSet) {
          if (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"))
            setBlocking(true);
          skipValidation = true;
          __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion("log");
          this.exit(0);
        }
      }
      if (!skipValidation && __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.length > 0) {
        skipValidation = Object.keys(argv).some((key2) => __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.indexOf(key2) >= 0 && argv[key2] === true);
      }
      if (!skipValidation) {
        if (parsed.error)
          throw new YError(parsed.error.message);
        if (!requestCompletions) {
          const validation2 = this[kRunValidation](aliases, {}, parsed.error);
          if (!calledFromCommand) {
            argvPromise = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), true);
          }
          argvPromise = this[kValidateAsync](validation2, argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv);
          if (isPromise(argvPromise) && !calledFromCommand) {
            argvPromise = argvPromise.then(() => {
              return applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), false);
            });
          }
        }
      }
    } catch (err) {
      if (err instanceof YError)
        __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message, err);
      else
        throw err;
    }
    return this[kPostProcess](argvPromise !== null && argvPromise !== void 0 ? argvPromise : argv, populateDoubleDash, !!calledFromCommand, true);
  }
  [kRunValidation](aliases, positionalMap, parseErrors, isDefaultCommand) {
    const demandedOptions = { ...this.getDemandedOptions() };
    return (argv) => {
      if (parseErrors)
        throw new YError(parseErrors.message);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").nonOptionCount(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").requiredArguments(argv, demandedOptions);
      let failedStrictCommands = false;
      if (__classPrivateFieldGet(this, _YargsInstance_strictCommands, "f")) {
        failedStrictCommands = __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownCommands(argv);
      }
      if (__classPrivateFieldGet(this, _YargsInstance_strict, "f") && !failedStrictCommands) {
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, positionalMap, !!isDefaultCommand);
      } else if (__classPrivateFieldGet(this, _YargsInstance_strictOptions, "f")) {
        __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, {}, false, false);
      }
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").limitedChoices(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").implications(argv);
      __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicting(argv);
    };
  }
  [kSetHasOutput]() {
    __classPrivateFieldSet(this, _YargsInstance_hasOutput, true, "f");
  }
  [kTrackManuallySetKeys](keys) {
    if (typeof keys === "string") {
      __classPrivateFieldGet(this, _YargsInstance_options, "f").key[keys] = true;
    } else {
      for (const k of keys) {
        __classPrivateFieldGet(this, _YargsInstance_options, "f").key[k] = true;
      }
    }
  }
};
function isYargsInstance(y) {
  return !!y && typeof y.getInternalMethods === "function";
}

// node_modules/yargs/index.mjs
var Yargs = YargsFactory(esm_default);
var yargs_default = Yargs;

// src/version.ts
var VERSION2 = "0.1.0";

// src/cli/cli.ts
function connectionOptions(y) {
  return y.option("config", { alias: "c", type: "string", describe: "INI file (default ./ocpp-2w-proxy.ini if it exists)" }).option("listen-host", { type: "string", describe: "charger listener address [host] addr (default 0.0.0.0)" }).option("listen-port", { type: "string", describe: "charger listener port [host] port (default 8888)" }).option("target-host", { type: "string", describe: "primary at ws://HOST:PORT (Wallbox-EVCC-Proxy style)" }).option("target-port", { type: "string", describe: "port for --target-host (default 8887)" }).option("primary", { type: "string", describe: "primary upstream base URL [ext-server] server" }).option("secondary", { type: "string", describe: "secondary upstream base URL, repeatable [ext-server] secondary_server" }).option("web-host", { type: "string", describe: "web monitor address [web] host (default 127.0.0.1)" }).option("web-port", { type: "string", describe: "web monitor port, 0 = off [web] port (default 8889)" }).option("log-file", { type: "string", describe: "message log file [messages] file (default ./ocpp_messages.log)" }).option("log-format", { type: "string", describe: "message log format, jsonl or text [messages] format (default jsonl)" }).option("log-level", { type: "string", describe: "DEBUG, INFO, WARNING or ERROR [logging] proxy (default INFO)" }).option("state", { type: "string", describe: "SQLite state file [store] path (default ./ocpp-proxy.db)" }).option("debug", { type: "boolean", describe: "same as --log-level DEBUG" });
}
function toCliOptions(argv) {
  const last = (value) => {
    if (value === void 0) return void 0;
    return Array.isArray(value) ? value.length > 0 ? String(value.at(-1)) : void 0 : String(value);
  };
  const secondary = argv.secondary;
  return {
    config: last(argv.config),
    listenHost: last(argv.listenHost),
    listenPort: last(argv.listenPort),
    targetHost: last(argv.targetHost),
    targetPort: last(argv.targetPort),
    primary: last(argv.primary),
    secondary: secondary === void 0 ? void 0 : (Array.isArray(secondary) ? secondary : [secondary]).map(String),
    webHost: last(argv.webHost),
    webPort: last(argv.webPort),
    logFile: last(argv.logFile),
    logFormat: last(argv.logFormat),
    logLevel: last(argv.logLevel),
    state: last(argv.state),
    debug: argv.debug === true
  };
}
var KNOWN_OPTIONS = [
  "config",
  "listen-host",
  "listen-port",
  "target-host",
  "target-port",
  "primary",
  "secondary",
  "web-host",
  "web-port",
  "log-file",
  "log-format",
  "log-level",
  "state",
  "debug",
  "csv",
  "since",
  "charger",
  "follow",
  "payload",
  "no-payload",
  "raw",
  "pairs",
  "action",
  "help",
  "version"
];
var KNOWN_COMMANDS = ["run", "check", "sessions", "logs", "demo", "hash-password"];
function withSuggestions(message) {
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown === null) return message;
  const names = unknown[1].split(", ").filter((name) => !/[A-Z]/.test(name));
  const described = names.map((name) => {
    const option = closest(name, KNOWN_OPTIONS);
    if (option !== null) return `${name} (did you mean --${option}?)`;
    const command2 = closest(name, KNOWN_COMMANDS);
    return command2 === null ? name : `${name} (did you mean ${command2}?)`;
  });
  return `Unknown argument${names.length === 1 ? "" : "s"}: ${described.join(", ")}`;
}
async function runCli(args2, actions) {
  let chosen = null;
  let usageError = null;
  await yargs_default(args2).scriptName("ocpp-proxy").usage("$0 [run] [options]\n\nOCPP-J proxy: one charger, one primary CSMS and any number of secondaries.").command(["run", "$0"], "run the proxy (default command)", connectionOptions, (argv) => {
    chosen = { action: "run", options: toCliOptions(argv) };
  }).command("check", "validate a configuration: exit 0 when usable, 1 with one problem per line", connectionOptions, (argv) => {
    chosen = { action: "check", options: toCliOptions(argv) };
  }).command(
    "sessions",
    "print the charging sessions from the state database",
    (y) => y.option("config", { alias: "c", type: "string", describe: "INI file (for [store] path)" }).option("state", { type: "string", describe: "SQLite state file (default: [store] path)" }).option("csv", { type: "boolean", describe: "CSV instead of a table" }).option("since", { type: "string", describe: "only sessions from this date or time on (e.g. 2026-11-01)" }).option("charger", { type: "string", describe: "only this charger id" }),
    (argv) => {
      const filter = { csv: argv.csv === true };
      if (typeof argv.since === "string") filter.since = argv.since;
      if (typeof argv.charger === "string") filter.charger = argv.charger;
      chosen = { action: "sessions", options: toCliOptions(argv), filter };
    }
  ).command(
    "logs [file]",
    "print a message log for people (FILE, a rotated .1 or .gz, or - for stdin; default: the configured log)",
    (y) => y.positional("file", { type: "string" }).option("config", { alias: "c", type: "string", describe: "INI file (for [messages] file)" }).option("follow", { alias: "f", type: "boolean", default: false, describe: "keep printing new lines, across log rotation" }).option("payload", { type: "boolean", default: true, describe: "show payloads (--no-payload hides them)" }).option("raw", { type: "boolean", default: false, describe: "show each frame as it went on the wire" }).option("pairs", { type: "boolean", default: false, describe: "print each request with its response and the latency" }).option("charger", { type: "string", describe: "only this charger id" }).option("action", { type: "string", describe: "only this action" }).option("since", { type: "string", describe: "only entries from this date or time on" }),
    (argv) => {
      const logs2 = { follow: argv.follow === true, payload: argv.payload !== false, raw: argv.raw === true, pairs: argv.pairs === true };
      if (typeof argv.file === "string") logs2.file = argv.file;
      if (typeof argv.charger === "string") logs2.charger = argv.charger;
      if (typeof argv.action === "string") logs2.action = argv.action;
      if (typeof argv.since === "string") logs2.since = argv.since;
      chosen = { action: "logs", options: toCliOptions(argv), logs: logs2 };
    }
  ).command("demo", "run a simulated charger and two simulated CSMSes through the proxy; watch the web monitor", (y) => y, () => {
    chosen = { action: "demo" };
  }).command("ha-addon-ini <options>", false, (y) => y.positional("options", { type: "string", demandOption: true }), (argv) => {
    chosen = { action: "haAddonIni", file: String(argv.options) };
  }).command("hash-password", "print a [chargers] hash of the password read from standard input", (y) => y, () => {
    chosen = { action: "hashPassword" };
  }).strict().version(VERSION2).alias("version", "V").help().alias("help", "h").wrap(null).exitProcess(false).fail((message, error) => {
    usageError = message ?? error?.message ?? "invalid command line";
  }).parseAsync();
  if (usageError !== null) {
    process.stderr.write(`ocpp-proxy: ${withSuggestions(usageError)} (see ocpp-proxy --help)
`);
    return 2;
  }
  const command2 = chosen;
  if (command2 === null) return 0;
  if (command2.action === "hashPassword") return actions.hashPassword();
  if (command2.action === "sessions") return actions.sessions(command2.options, command2.filter);
  if (command2.action === "logs") return actions.logs(command2.options, command2.logs);
  if (command2.action === "haAddonIni") return actions.haAddonIni(command2.file);
  if (command2.action === "demo") return actions.demo();
  return actions[command2.action](command2.options);
}

// src/cli/logs.ts
import { createReadStream } from "node:fs";
import { open, stat as stat2 } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
var LogPrinter = class {
  options;
  out;
  err;
  paint;
  open = /* @__PURE__ */ new Map();
  lineNumber = 0;
  constructor(options, out, err) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.paint = new Chalk({ level: options.color ? 1 : 0 });
  }
  line(text3) {
    this.lineNumber++;
    if (text3.trim() === "") return;
    let entry;
    try {
      entry = parseLine(text3);
    } catch (error) {
      this.err.write(`line ${this.lineNumber}: skipped, ${error.message}
`);
      return;
    }
    const { charger, action, since } = this.options;
    if (charger !== void 0 && entry.charger !== charger) return;
    if (action !== void 0 && entry.action !== action) return;
    if (since !== void 0 && Date.parse(entry.ts) < since) return;
    if (this.options.pairs) this.pair(entry);
    else this.out.write(`${this.format(entry)}
`);
  }
  format(e) {
    const p = this.paint;
    const hop = visible(`${e.from} \u2192 ${e.to}`);
    const hopColour = e.type === "INVALID" ? p.gray(hop) : e.from === "charger" ? p.blue(hop) : e.to === "charger" ? p.green(hop) : p.magenta(hop);
    const type = e.type === "CALLERROR" || e.type === "INVALID" ? p.red(e.type) : e.type === "CALL" ? p.bold(e.type) : e.type;
    const tags = e.tags.length > 0 ? ` ${p.yellow(visible(`[${e.tags.join(",")}]`))}` : "";
    const head2 = `${p.dim(e.ts.replace("T", " ").slice(0, 23))} ${p.cyan(visible(e.charger))} ${hopColour} ${type} ${visible(e.action ?? "")} ${p.dim(visible(e.id ?? ""))}${tags}`;
    if (this.options.raw) return `${head2}
  ${visible(e.raw)}`;
    if (!this.options.payload) return head2;
    return `${head2}
  ${payloadText(e)}`;
  }
  /** `--pairs`: each Call with its answer on the same hop reversed, and the latency. */
  pair(e) {
    if (e.type === "CALL") {
      this.open.set(`${e.charger}|${e.id}|${e.from}|${e.to}`, e);
      if (this.open.size > 1e4) this.open.delete(this.open.keys().next().value);
      return;
    }
    if (e.type !== "CALLRESULT" && e.type !== "CALLERROR") {
      this.out.write(`${this.format(e)}
`);
      return;
    }
    const key2 = `${e.charger}|${e.id}|${e.to}|${e.from}`;
    const call = this.open.get(key2);
    if (call === void 0) {
      this.out.write(`${this.format(e)}
`);
      return;
    }
    this.open.delete(key2);
    const ms = Date.parse(e.ts) - Date.parse(call.ts);
    const p = this.paint;
    const result = e.type === "CALLERROR" ? p.red("error") : "ok";
    let text3 = `${p.dim(call.ts.replace("T", " ").slice(0, 23))} ${p.cyan(visible(call.charger))} ${visible(`${call.from} \u2192 ${call.to}`)} ${p.bold(visible(call.action ?? "?"))} ${result} ${p.yellow(`${ms} ms`)}`;
    if (this.options.payload) text3 += `
  ${payloadText(call)}
  \u21D2 ${payloadText(e)}`;
    this.out.write(`${text3}
`);
  }
};
function parseLine(text3) {
  if (!text3.startsWith("{")) return parseTextLine(text3.endsWith("\r") ? text3.slice(0, -1) : text3);
  const entry = JSON.parse(text3);
  if (typeof entry !== "object" || entry === null || typeof entry.raw !== "string" || typeof entry.ts !== "string") throw new Error("not a message log entry");
  return entry;
}
function payloadText(e) {
  try {
    const frame = JSON.parse(e.raw);
    const payload = e.type === "CALL" || e.type === "SEND" ? frame[3] : e.type === "CALLRESULT" ? frame[2] : frame.slice(2);
    return visible(JSON.stringify(payload));
  } catch {
    return visible(JSON.stringify(e.raw));
  }
}
var CONTROL2 = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
var CONTROL_ALL2 = new RegExp(CONTROL2.source, "g");
function visible(text3) {
  return CONTROL2.test(text3) ? text3.replace(CONTROL_ALL2, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`) : text3;
}
async function printLogs(options, input, out, err) {
  const lines = new LineReader(new LogPrinter(options, out, err));
  const following = options.follow && options.file !== "-" && !options.file.endsWith(".gz");
  if (!following) {
    let source = input;
    if (options.file !== "-") source = createReadStream(options.file);
    if (options.file.endsWith(".gz")) source = source.pipe(createGunzip());
    await readAll(source, lines);
    lines.end();
    return;
  }
  const { ino } = await stat2(options.file);
  await readAll(createReadStream(options.file), lines);
  await follow(options.file, lines, lines.bytes, ino);
}
function readAll(source, lines) {
  return new Promise((resolve6, reject) => {
    source.on("data", (chunk) => lines.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    source.on("end", resolve6);
    source.on("error", reject);
  });
}
var LineReader = class {
  printer;
  decoder = new StringDecoder("utf8");
  partial = "";
  /** Bytes taken so far (since the last reset). */
  bytes = 0;
  constructor(printer) {
    this.printer = printer;
  }
  push(chunk) {
    this.bytes += chunk.length;
    const text3 = this.decoder.write(chunk);
    let start = 0;
    for (let end = text3.indexOf("\n"); end >= 0; end = text3.indexOf("\n", start)) {
      this.printer.line(this.partial + text3.slice(start, end));
      this.partial = "";
      start = end + 1;
    }
    this.partial += text3.slice(start);
  }
  /** The last line, if the file does not end with a newline. */
  end() {
    const rest = this.partial + this.decoder.end();
    if (rest !== "") this.printer.line(rest);
    this.partial = "";
  }
  /** After rotation: a half line of the old file is not the start of the new one's. */
  reset() {
    this.decoder = new StringDecoder("utf8");
    this.partial = "";
    this.bytes = 0;
  }
};
async function follow(path, lines, start, startInode) {
  let position = start;
  let inode = startInode;
  for (; ; ) {
    await new Promise((resolve6) => setTimeout(resolve6, 250));
    let info;
    try {
      info = await stat2(path);
    } catch {
      continue;
    }
    if (info.ino !== inode || info.size < position) {
      inode = info.ino;
      position = 0;
      lines.reset();
    }
    if (info.size === position) continue;
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(info.size - position);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      position += bytesRead;
      lines.push(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }
}

// src/cli/hash-password.ts
async function firstLine(input) {
  let text3 = "";
  for await (const chunk of input) {
    text3 += String(chunk);
    const end = text3.indexOf("\n");
    if (end >= 0) return text3.slice(0, end).replace(/\r$/, "");
  }
  return text3;
}
function readHidden(prompt, input, output) {
  input.setRawMode(true);
  output.write(prompt);
  input.resume();
  let typed = "";
  return new Promise((resolve6) => {
    const finish = (value) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      resolve6(value);
    };
    const onData = (chunk) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish(typed);
        if (char === "" || char === "") return finish(null);
        if (char === "\x7F" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else if (char >= " ") typed += char;
      }
    };
    input.on("data", onData);
  });
}
async function hashPasswordCommand(input, output, errors) {
  let password;
  const terminal = input;
  if (terminal.isTTY === true) {
    password = await readHidden("Password: ", terminal, errors);
    if (password !== null && password !== "") {
      const again = await readHidden("Again: ", terminal, errors);
      if (again === null) password = null;
      else if (again !== password) {
        errors.write("ocpp-proxy: the two passwords differ; nothing was hashed\n");
        return 2;
      }
    }
    if (password === null) return 130;
  } else {
    password = await firstLine(input);
  }
  if (password === "") {
    errors.write("ocpp-proxy: the password is empty; type it when asked, or pipe it: `echo secret | ocpp-proxy hash-password`\n");
    return 2;
  }
  if (password.includes("\0")) {
    errors.write("ocpp-proxy: a password cannot contain a NUL byte\n");
    return 2;
  }
  output.write(`${await hashPassword(password)}
`);
  return 0;
}

// src/runtime.ts
var MINIMUM_NODE = { major: 22, minor: 13 };
function unsupportedRuntime(versions = process.versions) {
  if (versions.deno !== void 0) return null;
  const [major = 0, minor = 0] = versions.node.split(".").map(Number);
  if (major > MINIMUM_NODE.major || major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor) return null;
  return `ocpp-proxy needs Node \u2265 ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} or the binary dist/ocpp-proxy; this is Node ${versions.node}`;
}
function onlyHelpOrVersion(args2) {
  return args2.some((arg) => ["--help", "-h", "--version", "-V"].includes(arg));
}

// src/main.ts
async function run(options) {
  stdoutGoneEnds = false;
  const { config, problems } = loadConfig(options);
  if (config === null) {
    process.stderr.write(`ocpp-proxy: ${formatProblem(problems[0])}
`);
    return 2;
  }
  const loggers = createLoggers(config.logLevels);
  const daemon = new Daemon(config, loggers);
  let signalled = null;
  let onSignal = null;
  const signal = (name) => {
    if (signalled !== null) return;
    signalled = name;
    onSignal?.(name);
  };
  process.on("SIGTERM", () => signal("SIGTERM"));
  process.on("SIGINT", () => signal("SIGINT"));
  process.on("SIGHUP", () => void daemon.reload());
  try {
    await daemon.start();
  } catch (error) {
    process.stderr.write(`ocpp-proxy: ${error.message}
`);
    return error instanceof StartupError && error.code !== "ERR_LISTEN" ? 2 : 1;
  }
  if (config.configFile !== null) loggers.proxy.info(`configuration: ${config.configFile}`);
  for (const warning of configWarnings(config)) loggers.proxy.warn(warning);
  return new Promise((resolve6) => {
    const stop = (name) => {
      loggers.proxy.info(`${name}: closing chargers and stopping`);
      daemon.stop().then(
        () => resolve6(0),
        (error) => {
          loggers.proxy.error(`while stopping: ${error.message}`);
          resolve6(1);
        }
      );
    };
    if (signalled !== null) stop(signalled);
    else onSignal = stop;
  });
}
async function check(options) {
  const { config, problems, unreadable } = loadConfig(options);
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}
`);
  if (config === null) return unreadable ? 2 : 1;
  for (const warning of configWarnings(config)) process.stdout.write(`${config.configFile ?? "command line"}: warning: ${warning}
`);
  process.stdout.write(`${config.configFile ?? "command line"}: ok
`);
  for (const line of describeUpstreams(config)) process.stdout.write(`  ${line}
`);
  return 0;
}
function readable(path) {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
async function sessions(options, filter) {
  const path = options.state ?? loadConfig(readerOptions(options)).config?.statePath ?? DEFAULTS.statePath;
  if (!existsSync2(path)) {
    process.stderr.write(`ocpp-proxy: no state database at ${path} (set --state or [store] path)
`);
    return 2;
  }
  if (!readable(path)) {
    process.stderr.write(`ocpp-proxy: cannot read ${path}: permission denied (the service's state is readable by root: sudo ocpp-proxy sessions)
`);
    return 2;
  }
  let store;
  try {
    store = Store.open(path);
  } catch (error) {
    process.stderr.write(`ocpp-proxy: ${error.message}
`);
    return 2;
  }
  const since = filter.since === void 0 ? void 0 : new Date(filter.since);
  if (since !== void 0 && Number.isNaN(since.getTime())) {
    process.stderr.write(`ocpp-proxy: --since '${filter.since}' is not a date (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)
`);
    store.close();
    return 2;
  }
  const query = {};
  if (since !== void 0) query.since = since.toISOString();
  if (filter.charger !== void 0) query.charger = filter.charger;
  const rows = store.sessions(query);
  store.close();
  process.stdout.write(filter.csv ? sessionsCsv(rows) : sessionsTable(rows));
  return 0;
}
async function logs(options, args2) {
  const file = args2.file ?? loadConfig(readerOptions(options)).config?.messageLogFile ?? DEFAULTS.messageLogFile;
  if (file !== "-" && !existsSync2(file)) {
    process.stderr.write(`ocpp-proxy: no message log at ${file}
`);
    return 2;
  }
  if (file !== "-" && !readable(file)) {
    process.stderr.write(`ocpp-proxy: cannot read ${file}: permission denied (the service's log is readable by root: sudo ocpp-proxy logs)
`);
    return 2;
  }
  const since = args2.since === void 0 ? void 0 : Date.parse(args2.since);
  if (since !== void 0 && Number.isNaN(since)) {
    process.stderr.write(`ocpp-proxy: --since '${args2.since}' is not a date
`);
    return 2;
  }
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === void 0;
  const { since: _since, ...rest } = args2;
  const printOptions = { ...rest, file, color };
  if (since !== void 0) printOptions.since = since;
  await printLogs(printOptions, process.stdin, process.stdout, process.stderr);
  return 0;
}
async function haAddonIni(optionsFile) {
  try {
    const supervisor = process.env.OCPP_PROXY_SUPERVISOR_ADDRESS || void 0;
    process.stdout.write(addonIni(JSON.parse(readFileSync5(optionsFile, "utf8")), dirname3(resolve5(optionsFile)), supervisor));
    return 0;
  } catch (error) {
    process.stderr.write(`ocpp-proxy: add-on options ${optionsFile}: ${error.message}
`);
    return 2;
  }
}
var stdoutGoneEnds = true;
var isBrokenPipe = (error) => error?.code === "EPIPE";
process.stdout.on("error", (error) => {
  if (isBrokenPipe(error) && stdoutGoneEnds) process.exit(0);
});
process.stderr.on("error", () => void 0);
var reporting = false;
process.on("uncaughtException", (error) => {
  if (reporting || isBrokenPipe(error)) return;
  reporting = true;
  try {
    if (process.stderr.writable) process.stderr.write(`ocpp-proxy: unexpected error (kept running): ${error.stack ?? error.message}
`);
  } catch {
  } finally {
    reporting = false;
  }
});
var args = process.argv.slice(2);
var unsupported = unsupportedRuntime();
if (unsupported !== null && !onlyHelpOrVersion(args)) {
  process.stderr.write(`${unsupported}
`);
  process.exit(1);
}
runCli(args, { run, check, hashPassword: () => hashPasswordCommand(process.stdin, process.stdout, process.stderr), sessions, logs, haAddonIni, demo: runDemo }).then(
  (code) => {
    process.stdout.write("", () => process.exit(code));
  },
  (error) => {
    process.stderr.write(`ocpp-proxy: ${error.message}
`);
    process.exit(1);
  }
);
