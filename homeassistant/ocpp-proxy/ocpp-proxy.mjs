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
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
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
    var decode = (str2, opt = {}) => {
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
        const key = isArray && keyRaw.endsWith("[]") ? keyRaw.slice(0, -2) : keyRaw;
        if (key === "__proto__") {
          continue;
        }
        const valueRaw = match[3] ? unsafe(match[4]) : true;
        const value = valueRaw === "true" || valueRaw === "false" || valueRaw === "null" ? JSON.parse(valueRaw) : valueRaw;
        if (isArray) {
          if (!hasOwnProperty.call(p, key)) {
            p[key] = [];
          } else if (!Array.isArray(p[key])) {
            p[key] = [p[key]];
          }
        }
        if (Array.isArray(p[key])) {
          p[key].push(value);
        } else {
          p[key] = value;
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
      parse: decode,
      decode,
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
      const target = Buffer.allocUnsafe(totalLength);
      let offset = 0;
      for (let i = 0; i < list.length; i++) {
        const buf = list[i];
        target.set(buf, offset);
        offset += buf.length;
      }
      if (offset < totalLength) {
        return new FastBuffer(target.buffer, target.byteOffset, offset);
      }
      return target;
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
          Object.keys(params).forEach((key) => {
            let value = params[key];
            if (value.length > 1) {
              throw new Error(`Parameter "${key}" must have only a single value`);
            }
            value = value[0];
            if (key === "client_max_window_bits") {
              if (value !== true) {
                const num3 = +value;
                if (!Number.isInteger(num3) || num3 < 8 || num3 > 15) {
                  throw new TypeError(
                    `Invalid value for parameter "${key}": ${value}`
                  );
                }
                value = num3;
              } else if (!this._isServer) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else if (key === "server_max_window_bits") {
              const num3 = +value;
              if (!Number.isInteger(num3) || num3 < 8 || num3 > 15) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
              value = num3;
            } else if (key === "client_no_context_takeover" || key === "server_no_context_takeover") {
              if (value !== true) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else {
              throw new Error(`Unknown parameter "${key}"`);
            }
            params[key] = value;
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
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
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
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
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
        const num3 = buf.readUInt32BE(0);
        if (num3 > Math.pow(2, 53 - 32) - 1) {
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
        this._payloadLength = num3 * Math.pow(2, 32) + buf.readUInt32BE(4);
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
        const target = Buffer.allocUnsafe(merge ? dataLength + offset : offset);
        target[0] = options.fin ? options.opcode | 128 : options.opcode;
        if (options.rsv1) target[0] |= 64;
        target[1] = payloadLength;
        if (payloadLength === 126) {
          target.writeUInt16BE(dataLength, 2);
        } else if (payloadLength === 127) {
          target[2] = target[3] = 0;
          target.writeUIntBE(dataLength, 4, 6);
        }
        if (!options.mask) {
          return dataLength ? [target, data] : [target];
        }
        target[1] |= 128;
        target[offset - 4] = mask[0];
        target[offset - 3] = mask[1];
        target[offset - 2] = mask[2];
        target[offset - 1] = mask[3];
        if (!dataLength) return [target];
        if (skipMasking) return [target, data];
        if (merge) {
          applyMask(data, mask, target, offset, dataLength);
          return [target];
        }
        applyMask(data, mask, data, 0, dataLength);
        return [target, data];
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
    function parse(header) {
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
      for (; i < header.length; i++) {
        code = header.charCodeAt(i);
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
            const name = header.slice(start, end);
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
            push(params, header.slice(start, end), true);
            if (code === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            start = end = -1;
          } else if (code === 61 && start !== -1 && end === -1) {
            paramName = header.slice(start, i);
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
          } else if (code === 34 && header.charCodeAt(i - 1) === 61) {
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
            let value = header.slice(start, end);
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
      const token = header.slice(start, end);
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
    module.exports = { format: format3, parse };
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
    var { randomBytes: randomBytes2, createHash } = __require("crypto");
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
    var { format: format3, parse } = require_extension();
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
      setSocket(socket, head, options) {
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
        if (head.length > 0) socket.unshift(head);
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
      const key = randomBytes2(16).toString("base64");
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
        "Sec-WebSocket-Key": key,
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
            for (const [key2, value] of Object.entries(headers)) {
              options.headers[key2.toLowerCase()] = value;
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
      req.on("upgrade", (res, socket, head) => {
        websocket.emit("upgrade", res);
        if (websocket.readyState !== WebSocket2.CONNECTING) return;
        req = websocket._req = null;
        const upgrade = res.headers.upgrade;
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          abortHandshake2(websocket, socket, "Invalid Upgrade header");
          return;
        }
        const digest = createHash("sha1").update(key + GUID).digest("base64");
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
            extensions = parse(secWebSocketExtensions);
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
        websocket.setSocket(socket, head, {
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
    function parse(header) {
      const protocols = /* @__PURE__ */ new Set();
      let start = -1;
      let end = -1;
      let i = 0;
      for (i; i < header.length; i++) {
        const code = header.charCodeAt(i);
        if (end === -1 && tokenChars[code] === 1) {
          if (start === -1) start = i;
        } else if (i !== 0 && (code === 32 || code === 9)) {
          if (end === -1 && start !== -1) end = i;
        } else if (code === 44) {
          if (start === -1) {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
          if (end === -1) end = i;
          const protocol2 = header.slice(start, end);
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
      const protocol = header.slice(start, i);
      if (protocols.has(protocol)) {
        throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
      }
      protocols.add(protocol);
      return protocols;
    }
    module.exports = { parse };
  }
});

// node_modules/ws/lib/websocket-server.js
var require_websocket_server = __commonJS({
  "node_modules/ws/lib/websocket-server.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events");
    var http = __require("http");
    var { Duplex } = __require("stream");
    var { createHash } = __require("crypto");
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
            const body = http.STATUS_CODES[426];
            res.writeHead(426, {
              "Content-Length": body.length,
              "Content-Type": "text/plain"
            });
            res.end(body);
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
            upgrade: (req, socket, head) => {
              this.handleUpgrade(req, socket, head, emitConnection);
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
      handleUpgrade(req, socket, head, cb) {
        socket.on("error", socketOnError);
        const key = req.headers["sec-websocket-key"];
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
        if (key === void 0 || !keyRegex.test(key)) {
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
                key,
                protocols,
                req,
                socket,
                head,
                cb
              );
            });
            return;
          }
          if (!this.options.verifyClient(info)) return abortHandshake2(socket, 401);
        }
        this.completeUpgrade(extensions, key, protocols, req, socket, head, cb);
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
      completeUpgrade(extensions, key, protocols, req, socket, head, cb) {
        if (!socket.readable || !socket.writable) return socket.destroy();
        if (socket[kWebSocket]) {
          throw new Error(
            "server.handleUpgrade() was called more than once with the same socket, possibly due to a misconfiguration"
          );
        }
        if (this._state > RUNNING) return abortHandshake2(socket, 503);
        const digest = createHash("sha1").update(key + GUID).digest("base64");
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
        ws.setSocket(socket, head, {
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
function addonIni(options, data = "/data") {
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
      ingress_from: SUPERVISOR_ADDRESS
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
    const at = line.indexOf("=");
    if (at <= 0) throw new Error(`autoconfig entry '${line}' is not Key=value`);
    config.autoconfig[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  for (const section of Object.values(config)) for (const key of Object.keys(section)) if (section[key] === void 0) delete section[key];
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

// src/listener/charger-auth.ts
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
    scrypt(password, salt, keyLength, { N, r, p, maxmem: MAX_SCRYPT_MEMORY }, (error, key) => error ? reject(error) : resolve6(key));
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
function parseBasicAuth(header) {
  if (header === void 0) return null;
  const match = BASIC.exec(header.trim());
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

// src/config/config.ts
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
    primaryGrace: 0
  },
  maxMessageSize: 1024 * 1024,
  versionDetection: "off",
  defaultProtocol: null,
  queueLimit: 50,
  backlogLimit: 1e3,
  chargerAuth: { required: false, hashes: /* @__PURE__ */ new Map() },
  web: { host: "127.0.0.1", port: 8889, username: null, password: null, buffer: 500, showIdTags: false, ingressFrom: [] },
  messageLogFile: "./ocpp_messages.log",
  logLevels: { proxy: "INFO", client: "INFO", server: "INFO" },
  fixups: { url: true, timestamps: true, idTagMaxLength: null, powerScale: null, powerMeasurands: ["Power.Active.Import"] },
  autoconfig: [],
  autoconfigLock: false,
  statePath: "./ocpp-proxy.db",
  sharing: { enabled: false, sharedControl: false, preferred: null, lease: 300, rateLimitSeconds: 0, allowed: [], blocked: [], primaryAlways: false },
  homeAssistant: { url: null, token: null, presenceSensor: null, overrideEntity: null, blockWhenHome: false, staleAfter: 300, pollInterval: 10, notify: true },
  backends: [],
  prices: /* @__PURE__ */ new Map(),
  local: { acceptTags: [], heartbeatInterval: 300 }
};

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
  count(value) {
    return integer(value, 1, 1e9, "a positive whole number");
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
    if (s === "primary" || s === "secondary" || s === "observer" || s === "local") return s;
    throw new ValueError(`'${text(value)}' is not a role (primary, secondary, observer, local)`);
  }
};
function integer(value, min, max, what) {
  const s = text(value);
  if (!/^\d+$/.test(s)) throw new ValueError(`'${s}' is not ${what}`);
  const n = Number(s);
  if (n < min || n > max) throw new ValueError(`'${s}' is not ${what}`);
  return n;
}
var SECTION_KEYS = {
  host: {
    addr: coerce.host,
    port: coerce.port,
    ping_interval: coerce.seconds,
    ping_timeout: coerce.seconds,
    watchdog_stale: coerce.seconds,
    watchdog_interval: coerce.seconds,
    call_timeout: coerce.seconds,
    primary_grace: coerce.seconds,
    max_message_size: coerce.count,
    queue_limit: coerce.count,
    backlog_limit: coerce.count,
    require_auth: coerce.bool,
    version_detection: coerce.detection,
    default_protocol: coerce.protocol,
    cert_chain: coerce.nonEmpty,
    cert_key: coerce.nonEmpty
  },
  "ext-server": {
    server: coerce.url,
    secondary_server: coerce.string,
    // empty means 1-way mode; checked as a URL when set
    primary_rfid: coerce.list,
    secondary_rfid: coerce.list,
    secondary_deny_actions: coerce.list,
    default_owner: coerce.nonEmpty,
    primary_price_per_kwh: coerce.price,
    secondary_price_per_kwh: coerce.price
  },
  web: {
    host: coerce.host,
    port: coerce.portOrOff,
    username: coerce.string,
    password: coerce.string,
    buffer: coerce.count,
    show_idtags: coerce.bool,
    ingress_from: coerce.list
  },
  messages: { file: coerce.nonEmpty },
  local: { accept_tags: coerce.list, heartbeat_interval: coerce.count },
  fixups: { url: coerce.bool, timestamps: coerce.bool, idtag_max_length: coerce.count, power_scale: coerce.positive, power_measurands: coerce.list },
  store: { path: coerce.nonEmpty },
  sharing: {
    enabled: coerce.bool,
    shared_control: coerce.bool,
    preferred: coerce.nonEmpty,
    lease: coerce.seconds,
    rate_limit_seconds: coerce.seconds,
    allowed: coerce.list,
    blocked: coerce.list,
    primary_always: coerce.bool
  },
  homeassistant: {
    url: coerce.httpUrl,
    token: coerce.nonEmpty,
    presence_sensor: coerce.nonEmpty,
    override_entity: coerce.nonEmpty,
    block_when_home: coerce.bool,
    stale_after: coerce.seconds,
    poll_interval: coerce.positive,
    notify: coerce.bool
  }
};
var UPSTREAM_KEYS = {
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
  price_per_kwh: coerce.price
};
var BACKEND_KEYS = {
  token: coerce.nonEmpty,
  price_per_kwh: coerce.price
};
var FREE_FORM_SECTIONS = /* @__PURE__ */ new Set(["logging", "autoconfig", "chargers"]);

// src/config/load-config.ts
var CLI = "command line";
function formatProblem(p) {
  if (p.file === CLI) return p.key === null ? `${CLI}: ${p.message}` : `${CLI}: ${p.key}: ${p.message}`;
  const where = [p.section === null ? "" : `[${p.section}]`, p.key ?? ""].filter((s) => s !== "").join(" ");
  return where === "" ? `${p.file}: ${p.message}` : `${p.file}: ${where}: ${p.message}`;
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
    problems.push({ file, section: name, key: null, message: "unknown section" });
  }
  for (const [name, table] of Object.entries(SECTION_KEYS)) reader.checkKeys(name, table);
  const levels = reader.logLevels();
  const cliLevel = cli.debug === true ? "DEBUG" : fromCli.value("--log-level", cli.logLevel, coerce.level);
  if (cliLevel !== void 0) levels.proxy = cliLevel;
  const config = {
    configFile,
    listen: {
      host: fromCli.value("--listen-host", cli.listenHost, coerce.host) ?? reader.get("host", "addr", coerce.host) ?? DEFAULTS.listen.host,
      port: fromCli.value("--listen-port", cli.listenPort, coerce.port) ?? reader.get("host", "port", coerce.port) ?? DEFAULTS.listen.port,
      certChain: reader.get("host", "cert_chain", coerce.nonEmpty) ?? null,
      certKey: reader.get("host", "cert_key", coerce.nonEmpty) ?? null
    },
    timeouts: {
      pingInterval: reader.get("host", "ping_interval", coerce.seconds) ?? DEFAULTS.timeouts.pingInterval,
      pingTimeout: reader.get("host", "ping_timeout", coerce.seconds) ?? DEFAULTS.timeouts.pingTimeout,
      watchdogStale: reader.get("host", "watchdog_stale", coerce.seconds) ?? DEFAULTS.timeouts.watchdogStale,
      watchdogInterval: reader.get("host", "watchdog_interval", coerce.seconds) ?? DEFAULTS.timeouts.watchdogInterval,
      callTimeout: reader.get("host", "call_timeout", coerce.seconds) ?? DEFAULTS.timeouts.callTimeout,
      primaryGrace: reader.get("host", "primary_grace", coerce.seconds) ?? DEFAULTS.timeouts.primaryGrace
    },
    maxMessageSize: reader.get("host", "max_message_size", coerce.count) ?? DEFAULTS.maxMessageSize,
    queueLimit: reader.get("host", "queue_limit", coerce.count) ?? DEFAULTS.queueLimit,
    versionDetection: reader.get("host", "version_detection", coerce.detection) ?? DEFAULTS.versionDetection,
    defaultProtocol: reader.get("host", "default_protocol", coerce.protocol) ?? DEFAULTS.defaultProtocol,
    backlogLimit: reader.get("host", "backlog_limit", coerce.count) ?? DEFAULTS.backlogLimit,
    chargerAuth: {
      required: reader.get("host", "require_auth", coerce.bool) ?? DEFAULTS.chargerAuth.required,
      hashes: reader.chargerHashes()
    },
    upstreams: [],
    defaultOwner: "primary",
    web: {
      host: fromCli.value("--web-host", cli.webHost, coerce.host) ?? reader.get("web", "host", coerce.host) ?? DEFAULTS.web.host,
      port: fromCli.value("--web-port", cli.webPort, coerce.portOrOff) ?? reader.get("web", "port", coerce.portOrOff) ?? DEFAULTS.web.port,
      username: reader.get("web", "username", coerce.string) ?? DEFAULTS.web.username,
      password: reader.get("web", "password", coerce.string) ?? DEFAULTS.web.password,
      buffer: reader.get("web", "buffer", coerce.count) ?? DEFAULTS.web.buffer,
      showIdTags: reader.get("web", "show_idtags", coerce.bool) ?? DEFAULTS.web.showIdTags,
      ingressFrom: reader.get("web", "ingress_from", coerce.list) ?? DEFAULTS.web.ingressFrom
    },
    messageLogFile: fromCli.value("--log-file", cli.logFile, coerce.nonEmpty) ?? reader.get("messages", "file", coerce.nonEmpty) ?? DEFAULTS.messageLogFile,
    logLevels: levels,
    fixups: {
      url: reader.get("fixups", "url", coerce.bool) ?? DEFAULTS.fixups.url,
      timestamps: reader.get("fixups", "timestamps", coerce.bool) ?? DEFAULTS.fixups.timestamps,
      idTagMaxLength: reader.get("fixups", "idtag_max_length", coerce.count) ?? DEFAULTS.fixups.idTagMaxLength,
      powerScale: reader.get("fixups", "power_scale", coerce.positive) ?? DEFAULTS.fixups.powerScale,
      powerMeasurands: reader.get("fixups", "power_measurands", coerce.list) ?? DEFAULTS.fixups.powerMeasurands
    },
    autoconfig: reader.autoconfig(),
    autoconfigLock: reader.get("autoconfig", "lock", coerce.bool) ?? DEFAULTS.autoconfigLock,
    statePath: fromCli.value("--state", cli.state, coerce.nonEmpty) ?? reader.get("store", "path", coerce.nonEmpty) ?? DEFAULTS.statePath,
    sharing: {
      enabled: reader.get("sharing", "enabled", coerce.bool) ?? DEFAULTS.sharing.enabled,
      sharedControl: reader.get("sharing", "shared_control", coerce.bool) ?? DEFAULTS.sharing.sharedControl,
      preferred: reader.get("sharing", "preferred", coerce.nonEmpty) ?? DEFAULTS.sharing.preferred,
      lease: reader.get("sharing", "lease", coerce.seconds) ?? DEFAULTS.sharing.lease,
      rateLimitSeconds: reader.get("sharing", "rate_limit_seconds", coerce.seconds) ?? DEFAULTS.sharing.rateLimitSeconds,
      allowed: reader.get("sharing", "allowed", coerce.list) ?? DEFAULTS.sharing.allowed,
      blocked: reader.get("sharing", "blocked", coerce.list) ?? DEFAULTS.sharing.blocked,
      primaryAlways: reader.get("sharing", "primary_always", coerce.bool) ?? DEFAULTS.sharing.primaryAlways
    },
    homeAssistant: {
      url: reader.get("homeassistant", "url", coerce.httpUrl) ?? DEFAULTS.homeAssistant.url,
      token: reader.get("homeassistant", "token", coerce.nonEmpty) ?? DEFAULTS.homeAssistant.token,
      presenceSensor: reader.get("homeassistant", "presence_sensor", coerce.nonEmpty) ?? DEFAULTS.homeAssistant.presenceSensor,
      overrideEntity: reader.get("homeassistant", "override_entity", coerce.nonEmpty) ?? DEFAULTS.homeAssistant.overrideEntity,
      blockWhenHome: reader.get("homeassistant", "block_when_home", coerce.bool) ?? DEFAULTS.homeAssistant.blockWhenHome,
      staleAfter: reader.get("homeassistant", "stale_after", coerce.seconds) ?? DEFAULTS.homeAssistant.staleAfter,
      pollInterval: reader.get("homeassistant", "poll_interval", coerce.positive) ?? DEFAULTS.homeAssistant.pollInterval,
      notify: reader.get("homeassistant", "notify", coerce.bool) ?? DEFAULTS.homeAssistant.notify
    },
    backends: reader.backends(),
    prices: /* @__PURE__ */ new Map(),
    local: {
      acceptTags: (reader.get("local", "accept_tags", coerce.list) ?? []).map((t) => t.toUpperCase()),
      heartbeatInterval: reader.get("local", "heartbeat_interval", coerce.count) ?? DEFAULTS.local.heartbeatInterval
    }
  };
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
  if (defaultOwner !== void 0 && !config.upstreams.some((u) => u.name === defaultOwner && u.role !== "observer")) {
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
    if (upstream.role === "observer" && upstream.rfid.length > 0) {
      problems.push({ file, section: `upstream.${upstream.name}`, key: "rfid", message: "an observer cannot own sessions" });
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
  for (const [key, names] of [["preferred", sharing.preferred === null ? [] : [sharing.preferred]], ["allowed", sharing.allowed], ["blocked", sharing.blocked]]) {
    for (const name of names) if (!known.has(name)) problems.push({ file, section: "sharing", key, message: `'${name}' is not an upstream or backend` });
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
  const extRfid = (key) => (reader.get("ext-server", key, coerce.list) ?? []).map((t) => t.toUpperCase());
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
      local: false
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
  if (primaryUrl !== void 0) add("primary", primaryUrl, "primary", extRfid("primary_rfid"));
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
  secondaryUrls.forEach(
    (url, i) => add(i === 0 ? "secondary" : `secondary${i + 1}`, url, "secondary", i === 0 ? extRfid("secondary_rfid") : [], secondaryDeny)
  );
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
  if (!upstreams.some((u) => u.role === "primary")) {
    const message = "no primary upstream: set [ext-server] server, --primary URL or --target-host HOST";
    problems.push(file === CLI ? { file, section: null, key: null, message } : { file, section: "ext-server", key: "server", message });
  }
  upstreams.sort((a, b) => Number(b.role === "primary") - Number(a.role === "primary"));
  return upstreams;
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
  get(sectionName, key, convert, section = this.section(sectionName)) {
    const value = section?.[key];
    if (value === void 0) return void 0;
    if (typeof value === "object") {
      this.problems.push({ file: this.file, section: sectionName, key, message: "is not a plain value" });
      return void 0;
    }
    try {
      return convert(value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: this.file, section: sectionName, key, message: error.message });
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
    for (const key of Object.keys(section)) {
      if (table[key] === void 0) this.problems.push({ file: this.file, section: shownName, key, message: "unknown key" });
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
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === "object") walk(prefix === "" ? key : `${prefix}.${key}`, child);
      }
    };
    const root = this.section("upstream");
    if (root !== void 0) {
      if (Object.values(root).some((v) => typeof v !== "object")) {
        this.problems.push({ file: this.file, section: "upstream", key: null, message: "must be named: [upstream.NAME]" });
      }
      for (const [key, child] of Object.entries(root)) if (typeof child === "object") walk(key, child);
    }
    return found;
  }
  logLevels() {
    const levels = { ...DEFAULTS.logLevels };
    const names = {
      proxy: "proxy",
      "websockets.client": "client",
      "websockets.server": "server"
    };
    const section = this.section("logging");
    for (const key of Object.keys(section ?? {})) {
      const level = this.get("logging", key, coerce.level);
      const target = names[key];
      if (level !== void 0 && target !== void 0) levels[target] = level;
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
    for (const key of Object.keys(section)) {
      if (key === "lock") continue;
      const value = this.get("autoconfig", key, coerce.string);
      if (value !== void 0) pairs.push([key, value]);
    }
    return pairs;
  }
};
var CliReader = class {
  problems;
  constructor(problems) {
    this.problems = problems;
  }
  value(flag, value, convert) {
    if (value === void 0) return void 0;
    try {
      return convert(String(value));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.problems.push({ file: CLI, section: null, key: flag, message: error.message });
      return void 0;
    }
  }
};

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
        const matches2 = /[\da-f]{6}|[\da-f]{3}/i.exec(hex.toString(16));
        if (!matches2) {
          return [0, 0, 0];
        }
        let [colorString] = matches2;
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
    if (["GITHUB_ACTIONS", "GITEA_ACTIONS", "CIRCLECI"].some((key) => key in env)) {
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
var Logger = class {
  name;
  threshold;
  sink;
  paint;
  constructor(name, level, sink, paint) {
    this.name = name;
    this.threshold = RANK[level];
    this.sink = sink;
    this.paint = paint;
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
    const p = this.paint;
    const label = level === "ERROR" ? p.red(level) : level === "WARNING" ? p.yellow(level) : level === "DEBUG" ? p.gray(level) : p.green(level);
    this.sink(`${p.dim((/* @__PURE__ */ new Date()).toISOString())} ${label} ${p.cyan(this.name)}: ${text3}
`);
  }
};
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

// src/config/describe.ts
function describeUpstreams(config) {
  const lines = config.upstreams.map((u) => u.local ? `upstream ${u.name} (primary): the built-in local CSMS` : `upstream ${u.name} (${u.role}): ${u.url}/<charger id>`);
  if (config.upstreams.length === 1) lines.push("1-way mode: no secondary configured");
  return lines;
}

// src/log/message-log.ts
import { createWriteStream } from "node:fs";
var MAX_PENDING_BYTES = 16 * 1024 * 1024;
var MessageLog = class {
  path;
  logger;
  stream = null;
  droppedLines = 0;
  listeners = [];
  constructor(path, logger) {
    this.path = path;
    this.logger = logger;
  }
  /** Opens (creates or appends to) the file; rejects with a clear error if it cannot. */
  async open() {
    const stream = await openAppendStream(this.path);
    stream.on("error", (error) => {
      if (this.stream === stream) this.onStreamError(error);
    });
    this.stream = stream;
  }
  /** Reopens the file by name: after logrotate moved it away, new lines go to a new file. */
  async reopen() {
    const old = this.stream;
    try {
      await this.open();
    } catch (error) {
      this.logger.error(`message log: cannot reopen ${this.path}: ${error.message}`);
      this.stream = old;
      return;
    }
    old?.end();
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
  write(entry) {
    for (const listener of this.listeners) listener(entry);
    const stream = this.stream;
    if (stream === null) return;
    if (stream.writableLength > MAX_PENDING_BYTES) {
      if (this.droppedLines++ === 0) this.logger.warn("message log: disk is not keeping up, dropping lines");
      return;
    }
    if (this.droppedLines > 0) {
      this.logger.warn(`message log: ${this.droppedLines} lines were dropped while the disk was slow`);
      this.droppedLines = 0;
    }
    stream.write(JSON.stringify(entry) + "\n");
  }
  /** Flushes everything written so far and closes the file. */
  async close() {
    const stream = this.stream;
    this.stream = null;
    if (stream === null || stream.destroyed) return;
    await new Promise((resolve6) => stream.end(resolve6));
  }
  onStreamError(error) {
    this.logger.error(`message log: writing ${this.path} failed: ${error.message} (logging paused until SIGHUP)`);
    this.stream = null;
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
  const header = request.headers["x-ocpp-version"];
  const fromHeader = normalise(Array.isArray(header) ? header[0] : header);
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

// src/session/charger-memory.ts
var BOOT_ACCEPTANCE_TTL_MS = 24 * 60 * 60 * 1e3;
var ChargerMemory = class {
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
  autoconfigResults = /* @__PURE__ */ new Map();
  rememberCall(action, payload, text3) {
    if (action === "BootNotification") {
      this.boot = text3;
      const station = payload.chargingStation ?? {};
      const vendor = payload.chargePointVendor ?? station.vendorName;
      const model = payload.chargePointModel ?? station.model;
      this.vendor = typeof vendor === "string" ? vendor : null;
      this.model = typeof model === "string" ? model : null;
    } else if (action === "StatusNotification") {
      this.statuses.set(connectorKey(payload), text3);
    }
  }
  bootAnswered(accepted, now = Date.now()) {
    this.bootAcceptedAt = accepted ? now : null;
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
    const key = raw.includes("\\") ? JSON.parse(text3.slice(i, keyEnd)) : raw;
    i = skipSpace(text3, keyEnd);
    i = skipSpace(text3, i + 1);
    if (key === name) found = i;
    i = skipSpace(text3, valueEnd(text3, i));
    if (text3[i] !== ",") return found;
    i = skipSpace(text3, i + 1);
  }
}

// src/rules/timestamps.ts
var FIELDS_16 = {
  StatusNotification: [["timestamp"]],
  StartTransaction: [["timestamp"]],
  StopTransaction: [["timestamp"], ["transactionData", "*", "timestamp"]],
  MeterValues: [["meterValue", "*", "timestamp"]]
};
var FIELDS_2 = {
  StatusNotification: [["timestamp"]],
  TransactionEvent: [["timestamp"], ["meterValue", "*", "timestamp"]],
  MeterValues: [["meterValue", "*", "timestamp"]],
  NotifyEvent: [["generatedAt"], ["eventData", "*", "timestamp"]],
  SecurityEventNotification: [["timestamp"]],
  NotifyReport: [["generatedAt"]],
  NotifyMonitoringReport: [["generatedAt"]],
  NotifyCustomerInformation: [["generatedAt"]],
  NotifyDisplayMessages: []
};
function fieldsOf(version) {
  return version === "ocpp1.6" ? FIELDS_16 : FIELDS_2;
}
var EARLIEST_MS = Date.UTC(2010, 0, 1);
var LOOSE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
function repairTimestamp(value, receivedAt) {
  if (typeof value !== "string") return receivedAt;
  const instant = rfc3339Instant(value);
  if (instant === instant) return instant >= EARLIEST_MS ? null : receivedAt;
  const loose = LOOSE.exec(value.trim());
  if (loose === null) return receivedAt;
  const [, date, time, zone] = loose;
  const rewritten = `${date}T${time}${rfc3339Offset(zone)}`;
  return rfc3339Instant(rewritten) >= EARLIEST_MS ? rewritten : receivedAt;
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
    while (i < length && isDigit(value.charCodeAt(i))) {
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
function digits(text3, at, count) {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const code = text3.charCodeAt(i);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 48;
  }
  return number;
}
function isDigit(code) {
  return code >= 48 && code <= 57;
}
var timestampRule = {
  name: "timestamps",
  actions: (version) => Object.keys(fieldsOf(version)),
  fix(action, payload, context) {
    const changes = [];
    for (const pattern2 of fieldsOf(context.version)[action] ?? []) {
      for (const { path, value } of expandPath(payload, pattern2)) {
        const repaired = repairTimestamp(value, context.receivedAt);
        if (repaired !== null) changes.push({ path, value: repaired, was: value });
      }
    }
    return changes;
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
var SAMPLED_VALUES = {
  MeterValues: ["meterValue", "*", "sampledValue", "*"],
  TransactionEvent: ["meterValue", "*", "sampledValue", "*"],
  StopTransaction: ["transactionData", "*", "sampledValue", "*"]
};
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
var FixupPipeline = class {
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

// src/rules/autoconfig.ts
function parseVariableKey(key) {
  const match = /^([A-Za-z0-9_*\-:]+?)(?:\[(\d+)(?::(\d+))?\])?\.([A-Za-z0-9_*\-:]+)(?:\.([A-Za-z0-9_*\-:]+))?$/.exec(key);
  if (match === null) return null;
  const [, component, evse, connector, variable, instance] = match;
  const ref = { component: { name: component }, variable: { name: variable } };
  if (evse !== void 0) ref.component.evse = connector === void 0 ? { id: Number(evse) } : { id: Number(evse), connectorId: Number(connector) };
  if (instance !== void 0) ref.variable.instance = instance;
  return ref;
}
function autoconfigCalls(version, entries) {
  const calls = [];
  for (const [key, value] of entries) {
    if (version === "ocpp1.6") {
      if (!key.includes(".")) calls.push({ key, action: "ChangeConfiguration", payload: { key, value } });
      continue;
    }
    const ref = parseVariableKey(key);
    if (ref !== null) calls.push({ key, action: "SetVariables", payload: { setVariableData: [{ attributeValue: value, ...ref }] } });
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
  for (const [key] of entries) {
    const ref = parseVariableKey(key);
    keys.add(ref === null ? key.toLowerCase() : variableId(ref.component.name, ref.variable.name, ref.variable.instance));
  }
  return keys;
}
function variableId(component, variable, instance) {
  return `${String(component)}.${String(variable)}${instance === void 0 ? "" : `.${String(instance)}`}`.toLowerCase();
}
function lockDecision(action, payload, managed) {
  if (action === "ChangeConfiguration") {
    const key = typeof payload.key === "string" ? payload.key.toLowerCase() : null;
    return key !== null && managed.has(key) ? { kind: "reject", answer: { status: "Rejected" }, locked: [String(payload.key)] } : { kind: "pass" };
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

// src/session/events.ts
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

// src/session/charger-session.ts
import { randomUUID } from "node:crypto";

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
      for (const [key, value] of Object.entries(node)) {
        if (isSecretName(key)) visit(node, key);
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
function maskedFrame(action, text3, find) {
  let frame;
  try {
    frame = JSON.parse(text3);
  } catch {
    return placeholder(action, void 0);
  }
  if (!Array.isArray(frame) || frame.length !== 4 || !isObject(frame[3])) return placeholder(action, frame);
  find(frame[3], (holder, key) => {
    holder[key] = MASK;
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
function isObject2(value) {
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
  switch (type) {
    case CALL:
    case SEND: {
      if (message.length !== 4) return badLength(readableId, type, 4, message.length);
      const action = message[2];
      if (typeof action !== "string" || action === "") {
        return { ok: false, problem: "bad-envelope", id: readableId, detail: "the action is not a string" };
      }
      if (!isObject2(message[3])) return { ok: false, problem: "bad-payload", id: readableId, detail: "the payload is not a JSON object" };
      return { ok: true, frame: { type, id: readableId, action, payload: message[3] } };
    }
    case CALLRESULT:
      if (message.length !== 3) return badLength(readableId, type, 3, message.length);
      if (!isObject2(message[2])) return { ok: false, problem: "bad-payload", id: readableId, detail: "the payload is not a JSON object" };
      return { ok: true, frame: { type, id: readableId, payload: message[2] } };
    default: {
      if (message.length !== 5) return badLength(readableId, type, 5, message.length);
      const [, , code, description, details] = message;
      if (typeof code !== "string" || typeof description !== "string") {
        return { ok: false, problem: "bad-envelope", id: readableId, detail: "the error code or description is not a string" };
      }
      if (!isObject2(details)) return { ok: false, problem: "bad-payload", id: readableId, detail: "the error details are not a JSON object" };
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

// src/upstream/upstream-link.ts
var PROTECTED_ACTIONS = /* @__PURE__ */ new Set(["BootNotification", "StartTransaction", "StopTransaction", "TransactionEvent"]);
var BACKOFF_FIRST_MS = 1e3;
var BACKOFF_MAX_MS = 5 * 60 * 1e3;
var UpstreamLink = class {
  config;
  name;
  role;
  /** Full URL: base + '/' + charger id. */
  url;
  state = "connecting";
  since = /* @__PURE__ */ new Date();
  reconnectAttempts = 0;
  /** The negotiated subprotocol once open. */
  protocol = "";
  /** Call ids sent here and not answered yet → their action. */
  awaitingReplies = /* @__PURE__ */ new Map();
  /** Charger frames for this upstream while it is not open or still catching up, oldest first. */
  outbox = [];
  /** Frames to replay after a (re)connect, before the outbox (ids are the proxy's). */
  replay = [];
  /** Replayed Call ids whose answers the proxy consumes → their action (for the log). */
  replayIds = /* @__PURE__ */ new Map();
  /** While catching up (replay + outbox), frames go one Call at a time: the one in flight. */
  catchingUp = false;
  catchUpInFlight = null;
  catchUpTimer = null;
  /** When a frame or pong last arrived (ms). */
  heardAt = Date.now();
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
    this.options = options;
    this.logger = logger;
  }
  get isOpen() {
    return this.state === "open";
  }
  /** Open, caught up and not backed up: a charger frame may go straight out. */
  get isWritable() {
    return this.state === "open" && !this.catchingUp && this.outbox.length === 0;
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
  /** Adds a charger frame to the backlog; returns a frame dropped to stay within the limit. */
  pushBacklog(frame) {
    this.outbox.push(frame);
    if (this.outbox.length <= this.options.backlogLimit) return null;
    let victim = this.outbox.findIndex((f) => f.action === "MeterValues");
    if (victim === -1) victim = this.outbox.findIndex((f) => f.action === null || !PROTECTED_ACTIONS.has(f.action));
    return victim === -1 ? null : this.outbox.splice(victim, 1)[0];
  }
  /** Liveness: ping an open link, or drop it when nothing was heard for `timeoutMs`. */
  pingTick(now, timeoutMs) {
    const ws = this.ws;
    if (ws === null || this.state !== "open") return;
    if (now - this.heardAt > timeoutMs) {
      this.logger.warn(`${this.name} ${this.url}: no pong for ${Math.round((now - this.heardAt) / 1e3)} s, dropping the link`);
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
    this.ws?.send(data, { binary: false });
  }
  /** Closes for good (no reconnect); the socket is gone within `graceMs`. */
  close(code, reason, graceMs = 1e3) {
    this.closing = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.resetCatchUp();
    this.outbox.length = 0;
    if (this.ws !== null) closeWithin(this.ws, code, reason, graceMs);
    else this.setState("closed");
  }
  /** Resolves once the socket is fully closed (at once if it is). */
  closed() {
    const ws = this.ws;
    if (ws === null || ws.readyState === ws.CLOSED) return Promise.resolve();
    return new Promise((resolve6) => ws.once("close", () => resolve6()));
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
      this.logger.warn(`${this.name} ${this.url}: handshake refused with HTTP ${failure.status}`);
      response.destroy();
      ws.terminate();
    });
    ws.on("upgrade", (response) => {
      if (this.protocols.length > 0 && response.headers["sec-websocket-protocol"] === void 0) failure = { kind: "no-subprotocol" };
    });
    ws.on("error", (error) => {
      failure ??= { kind: "network", message: error.message };
      this.logger.warn(`${this.name} ${this.url}: ${error.message}`);
    });
    ws.on("open", () => {
      this.heardAt = Date.now();
      this.protocol = ws.protocol;
      this.reconnectAttempts = 0;
      this.setState("open");
      this.logger.info(`${this.name} connected: ${this.url} (${ws.protocol || "no subprotocol"})`);
      settle?.(null);
      settle = void 0;
      this.owner?.linkOpened(this);
    });
    ws.on("pong", () => {
      this.heardAt = Date.now();
    });
    ws.on("message", (data, isBinary) => {
      this.heardAt = Date.now();
      const buffer = data;
      if (this.owner === null) this.early.push([buffer, isBinary]);
      else this.owner.linkMessage(this, buffer, isBinary);
    });
    ws.on("close", (code, reasonBuffer) => {
      const wasOpen = this.state === "open";
      const reason = reasonBuffer.toString();
      this.resetCatchUp();
      if (settle !== void 0) {
        settle(failure ?? { kind: "network", message: `closed with ${code} during the handshake` });
        settle = void 0;
      }
      if (this.closing || !this.options.reconnect) {
        this.setState("closed");
      } else {
        this.scheduleReconnect();
      }
      if (wasOpen) this.logger.info(`${this.name} disconnected: ${this.url} (${code}${reason ? ` ${reason}` : ""})`);
      this.owner?.linkClosed(this, code, reason);
    });
  }
  /** Answers to what was sent on a closed socket will never come: forget them. */
  resetCatchUp() {
    this.awaitingReplies.clear();
    this.replayIds.clear();
    this.replay.length = 0;
    this.catchingUp = false;
    this.catchUpInFlight = null;
    if (this.catchUpTimer !== null) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
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
function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 20));
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
  const result = (body) => JSON.stringify([CALLRESULT, id, body]);
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
    const idTokenInfo = { status: accepts((payload.idToken ?? {}).idToken) ? "Accepted" : "Invalid" };
    switch (action) {
      case "Authorize":
        return result({ idTokenInfo });
      case "TransactionEvent":
        return result(payload.idToken === void 0 ? {} : { idTokenInfo });
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

// src/session/call-queue.ts
var CallQueue = class {
  proxyCalls = [];
  primaryCalls = [];
  otherCalls = [];
  counts = /* @__PURE__ */ new Map();
  primary;
  constructor(primary) {
    this.primary = primary;
  }
  get length() {
    return this.proxyCalls.length + this.primaryCalls.length + this.otherCalls.length;
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
  /** Forgets the Calls of a source that went away; nobody is left to answer them to. */
  drop(source) {
    const list = source === this.primary ? this.primaryCalls : this.otherCalls;
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) if (list[i].source === source) list.splice(i, 1);
    this.counts.delete(source);
    return before - list.length;
  }
  clear() {
    this.proxyCalls.length = 0;
    this.primaryCalls.length = 0;
    this.otherCalls.length = 0;
    this.counts.clear();
  }
};

// src/session/policy.ts
var CHARGING_CONTROL_ACTIONS = /* @__PURE__ */ new Set([
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "RequestStartTransaction",
  "RequestStopTransaction",
  "SetChargingProfile",
  "ClearChargingProfile",
  "ChangeAvailability",
  "Reset"
]);
var CallPolicy = class {
  allowed;
  denied;
  observer;
  constructor(upstream) {
    this.observer = upstream.role === "observer";
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
function controlWarnings(config) {
  if (config.sharing.enabled || config.sharing.sharedControl) return [];
  const controllers = config.upstreams.filter((upstream) => {
    const policy = new CallPolicy(upstream);
    return [...CHARGING_CONTROL_ACTIONS].some((action) => policy.refusal(action) === null);
  });
  if (controllers.length < 2) return [];
  return [
    `${controllers.map((u) => u.name).join(", ")} may all send charging-control calls (${[...CHARGING_CONTROL_ACTIONS].join(", ")}); narrow it with [ext-server] secondary_deny_actions or [upstream.NAME] deny_actions / allow_actions, or set [sharing] enabled = true (or shared_control = true) if that is intended`
  ];
}

// src/session/transactions.ts
var REMOTE_START_TTL_MS = 10 * 60 * 1e3;
var CHARGER_TX_PATHS = { MeterValues: ["transactionId"], StopTransaction: ["transactionId"] };
var UPSTREAM_TX_PATHS = {
  RemoteStopTransaction: ["transactionId"],
  SetChargingProfile: ["csChargingProfiles", "transactionId"],
  GetCompositeSchedule: ["transactionId"]
};
var Transactions = class {
  chargerId;
  version;
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
  pendingStarts = /* @__PURE__ */ new Map();
  /** StartTransaction content → the charger Call id it first came with, and the owner's answer once known. */
  startsSeen = /* @__PURE__ */ new Map();
  remoteStartTags = /* @__PURE__ */ new Map();
  remoteStartIds = /* @__PURE__ */ new Map();
  /** 2.0.1 transactions whose owner is still the default guess (no idToken seen yet). */
  undecided = /* @__PURE__ */ new Set();
  events;
  prices;
  constructor(chargerId, version, links, split, store, logger, events = null, prices = /* @__PURE__ */ new Map()) {
    this.events = events;
    this.prices = prices;
    this.chargerId = chargerId;
    this.version = version;
    for (const link of links) this.byName.set(link.name, link);
    this.observers = links.filter((link) => link.role === "observer");
    this.split = split;
    this.splitMode = split.tagOwners.size > 0;
    this.defaultOwner = this.byName.get(split.defaultOwner) ?? links[0];
    this.store = store;
    this.logger = logger;
    const loaded = store?.loadCharger(chargerId) ?? { owners: /* @__PURE__ */ new Map(), upstreamIds: /* @__PURE__ */ new Map() };
    this.owners = loaded.owners;
    this.upstreamIds = loaded.upstreamIds;
  }
  /** Where a charger Call goes. Null: charger-wide (every upstream; the primary answers). 'resent': see resentStart. */
  routeChargerCall(action, payload, callId) {
    if (this.version === "ocpp1.6") {
      switch (action) {
        case "Authorize":
          return this.routeTo(this.ownerOfTag(str(payload.idTag)));
        case "StartTransaction":
          return this.routeStart(payload, callId);
        case "MeterValues":
          return payload.transactionId === void 0 ? null : this.routeTo(this.ownerOfTx(String(payload.transactionId)));
        case "StopTransaction":
          return this.routeTo(this.ownerOfTx(String(payload.transactionId)));
        default:
          return null;
      }
    }
    if (action === "Authorize") return this.routeTo(this.ownerOfTag(str(payload.idToken?.idToken)));
    if (action === "TransactionEvent") return this.routeTo(this.ownerOfEvent(payload));
    return null;
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
    if (action !== "StartTransaction" || this.version !== "ocpp1.6") return;
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
  /** Charger Call → one upstream: the transaction id that upstream knows, if it is not the owner. */
  idsForUpstream(link, action, payload) {
    const path = CHARGER_TX_PATHS[action];
    if (path === void 0 || this.version !== "ocpp1.6" || payload.transactionId === void 0) return [];
    const theirs = this.upstreamIds.get(String(payload.transactionId))?.get(link.name);
    if (theirs === void 0) return [];
    return [{ path, value: numericLike(theirs) }];
  }
  /** Upstream Call → charger: notes remote starts, and maps the upstream's transaction ids to the charger's. */
  upstreamCall(link, action, payload) {
    if (action === "RemoteStartTransaction" && typeof payload.idTag === "string") {
      this.remoteStartTags.set(payload.idTag.toUpperCase(), { link, at: Date.now() });
    } else if (action === "RequestStartTransaction" && payload.remoteStartId !== void 0) {
      this.remoteStartIds.set(String(payload.remoteStartId), link);
    }
    const path = UPSTREAM_TX_PATHS[action];
    if (path === void 0 || this.version !== "ocpp1.6") return [];
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
    let stop = null;
    if (action === "StopTransaction" && this.version === "ocpp1.6") {
      stop = { chargerTx: String(payload.transactionId), stoppedAt: str(payload.timestamp), meterStop: num(payload.meterStop), reason: str(payload.reason) ?? "Local" };
    } else if (action === "TransactionEvent" && payload.eventType === "Ended") {
      const info = payload.transactionInfo ?? {};
      stop = { chargerTx: String(info.transactionId), stoppedAt: str(payload.timestamp), meterStop: energyWh(payload), reason: str(info.stoppedReason) ?? "Local" };
    }
    if (stop === null) return;
    const owner = this.ownerOfTx(stop.chargerTx).name;
    let finished = { energy_kwh: null, revenue: null };
    try {
      if (this.store !== null) finished = this.store.stopTransaction({ charger: this.chargerId, ...stop }, owner, this.prices.get(owner) ?? null);
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${error.message}`);
    }
    this.events?.emit({
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
  routeTo(owner) {
    return { targets: this.splitMode ? [owner, ...this.observers.filter((o) => o !== owner)] : null, answerer: owner };
  }
  ownerOfTag(tag) {
    if (tag === null) return this.defaultOwner;
    const upper = tag.toUpperCase();
    const remote = this.remoteStartTags.get(upper);
    if (remote !== void 0 && Date.now() - remote.at < REMOTE_START_TTL_MS) return remote.link;
    const name = this.split.tagOwners.get(upper);
    return (name === void 0 ? void 0 : this.byName.get(name)) ?? this.defaultOwner;
  }
  ownerOfTx(chargerTx) {
    const name = this.owners.get(chargerTx);
    return (name === void 0 ? void 0 : this.byName.get(name)) ?? this.defaultOwner;
  }
  routeStart(payload, callId) {
    const key = startKey(payload);
    if (this.startsSeen.has(key)) return "resent";
    const idTag = str(payload.idTag);
    const owner = this.ownerOfTag(idTag);
    if (idTag !== null) this.remoteStartTags.delete(idTag.toUpperCase());
    this.startsSeen.set(key, { callId, latestId: callId, answer: null });
    if (this.startsSeen.size > 100) this.startsSeen.delete(this.startsSeen.keys().next().value);
    this.pendingStarts.set(callId, {
      owner,
      key,
      connectorId: num(payload.connectorId),
      idTag,
      meterStart: num(payload.meterStart),
      timestamp: str(payload.timestamp),
      otherIds: /* @__PURE__ */ new Map(),
      chargerTx: null
    });
    if (this.pendingStarts.size > 100) this.pendingStarts.delete(this.pendingStarts.keys().next().value);
    return this.routeTo(owner);
  }
  /** 2.0.1: the owner of a TransactionEvent's transaction, decided by a remote start or the first idToken. */
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
        connectorId: num(payload.evse?.connectorId),
        idTag: token,
        meterStart: energyWh(payload),
        timestamp: str(payload.timestamp),
        otherIds: /* @__PURE__ */ new Map(),
        chargerTx
      }, num(payload.evse?.id));
    }
    return owner;
  }
  recordStart(pending, evse = null) {
    const chargerTx = pending.chargerTx;
    const known = this.owners.get(chargerTx) === pending.owner.name;
    this.owners.set(chargerTx, pending.owner.name);
    if (!known) {
      this.events?.emit({
        event: "transaction_started",
        charger: this.chargerId,
        at: (/* @__PURE__ */ new Date()).toISOString(),
        transactionId: chargerTx,
        owner: pending.owner.name,
        connector: pending.connectorId ?? evse,
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
        meterStart: pending.meterStart
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
function str(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function numericLike(id) {
  return /^-?\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
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

// src/session/charger-session.ts
var NO_TAGS = [];
var DROPPED = ["dropped"];
var QUEUED = ["queued"];
var REPLAYED = ["replayed"];
var BLOCKED = ["blocked"];
var FIXED = ["fixed"];
var INJECTED = ["injected"];
var MAX_BAD_FRAMES = 10;
var CLOSE_GRACE_MS = 1e3;
var HIGH_WATER_MARK = 1024 * 1024;
var DRAIN_POLL_MS = 50;
var FIRST_CALL_WAIT_MS = 1e4;
var ChargerSession = class {
  chargerId;
  links;
  primary;
  memory;
  protocol = "ocpp1.6";
  /** How the version was found: negotiated, or detected for a charger that offered none. */
  versionSource = "subprotocol";
  connectedSince = null;
  /** The first message log line of a connection says which version and how it was found. */
  versionLogged = false;
  rules = versionRules("ocpp1.6");
  fixups = null;
  transactions = null;
  /** Charger Calls answered by an upstream other than the primary (a session owner) → that upstream. */
  answerers = /* @__PURE__ */ new Map();
  charger = null;
  policies = /* @__PURE__ */ new Map();
  queue;
  inFlight = null;
  badFrameStreak = 0;
  ended = false;
  chargerHeardAt = Date.now();
  lastChargerFrameAt = Date.now();
  graceTimer = null;
  /**
   * Links that opened before the charger's first Call on this connection: whether they get the
   * replay (rule 8) depends on whether the charger boots again. Null once that is known.
   */
  heldReplays = /* @__PURE__ */ new Set();
  firstCallTimer = null;
  /** Polls a backed-up socket until it drains (then reading resumes) or is stuck too long. */
  drainTimer = null;
  context;
  callTimeoutMs;
  constructor(chargerId, memory, context) {
    this.chargerId = chargerId;
    this.memory = memory;
    this.context = context;
    const { config, loggers } = context;
    this.callTimeoutMs = config.timeouts.callTimeout * 1e3;
    this.links = config.upstreams.map((upstream) => {
      const options = {
        maxPayload: config.maxMessageSize,
        handshakeTimeoutMs: 1e4,
        backlogLimit: config.backlogLimit,
        reconnect: upstream.role !== "primary" || config.timeouts.primaryGrace > 0,
        tls: context.upstreamTls.get(upstream)
      };
      const link = upstream.local ? new LocalLink(upstream, chargerId, options, loggers.client, config.local) : new UpstreamLink(upstream, chargerId, options, loggers.client);
      this.policies.set(link, new CallPolicy(upstream));
      return link;
    });
    this.primary = this.links[0];
    this.queue = new CallQueue(this.primary);
  }
  get isEnded() {
    return this.ended;
  }
  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action, payload) {
    return new Promise((resolve6, reject) => {
      if (this.ended || this.charger === null) {
        reject(new Error(`${this.chargerId} is not connected`));
        return;
      }
      const timer = setTimeout(() => reject(new Error(`no answer from ${this.chargerId} in time`)), this.callTimeoutMs * 2);
      this.queueProxyCall(action, payload, (answer) => {
        clearTimeout(timer);
        resolve6(answer);
      });
      this.sendNextCall();
    });
  }
  /** Queues a Call of the proxy's own; its id is assigned when it goes, its answer goes to `onAnswer`. */
  queueProxyCall(action, payload, onAnswer) {
    this.queue.push({ source: null, id: "", idLiteral: '""', action, text: JSON.stringify([CALL, "", action, payload]), onAnswer });
  }
  /** The upstream that owns a transaction of this charger, if known. */
  transactionOwner(chargerTx) {
    return this.transactions?.ownerOf(chargerTx);
  }
  /** For the status API: this session and each upstream link. */
  status() {
    return {
      id: this.chargerId,
      protocol: this.protocol,
      protocol_source: this.versionSource,
      connected_since: this.connectedSince?.toISOString() ?? null,
      queued_calls: this.queuedCalls,
      upstreams: this.links.map((link) => ({
        name: link.name,
        role: link.role,
        url: link.url,
        state: link.state,
        since: link.since.toISOString(),
        reconnect_attempts: link.reconnectAttempts,
        backlog: link.outbox.length + link.replay.length
      })),
      autoconfig: Object.fromEntries(this.memory.autoconfigResults)
    };
  }
  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls() {
    return this.queue.length + (this.inFlight === null ? 0 : 1);
  }
  /** Opens the primary link offering the charger's subprotocols (negotiation is upstream-first). */
  connectPrimary(protocols, chargerHeaders) {
    return this.primary.connect(protocols, chargerHeaders);
  }
  /** The charger's handshake completed with the primary's subprotocol: start routing. */
  attachCharger(charger, protocol, versionSource = "subprotocol") {
    this.charger = charger;
    this.protocol = protocol;
    this.versionSource = versionSource;
    this.rules = versionRules(this.protocol);
    this.fixups = new FixupPipeline(this.context.fixupRules, this.protocol, this.chargerId);
    this.transactions = new Transactions(
      this.chargerId,
      this.protocol,
      this.links,
      this.context.split,
      this.context.store,
      this.context.loggers.proxy,
      this.context.events,
      this.context.config.prices
    );
    this.connectedSince = /* @__PURE__ */ new Date();
    this.chargerHeardAt = this.lastChargerFrameAt = Date.now();
    charger.on("message", (data, isBinary) => this.onChargerMessage(data, isBinary));
    charger.on("pong", () => {
      this.chargerHeardAt = Date.now();
    });
    charger.on("close", (code, reason) => this.onChargerClose(code, reason.toString()));
    charger.on("error", (error) => this.context.loggers.server.warn(`${this.chargerId}: ${error.message}`));
    for (const link of this.links) link.attach(this);
    this.firstCallTimer = setTimeout(() => this.releaseReplays(false), this.context.firstCallWaitMs ?? FIRST_CALL_WAIT_MS);
    for (const link of this.links) if (link !== this.primary) void link.connect([this.protocol]);
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
        this.context.loggers.server.warn(`${this.chargerId}: no pong for ${Math.round((now - this.chargerHeardAt) / 1e3)} s, dropping the charger`);
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
    this.context.loggers.server.warn(`${this.chargerId}: no frame for ${Math.round((now - this.lastChargerFrameAt) / 1e3)} s, closing (watchdog)`);
    void this.shutdown(1001, 1001, "watchdog: charger silent");
  }
  // ---- charger → upstreams -------------------------------------------------------------------
  onChargerMessage(data, isBinary) {
    if (this.ended) return;
    const now = Date.now();
    this.chargerHeardAt = this.lastChargerFrameAt = now;
    const ts = new Date(now).toISOString();
    if (isBinary) {
      this.log(ts, "charger", "proxy", "INVALID", null, null, NO_TAGS, `<binary frame, ${data.length} bytes>`);
      this.context.loggers.server.warn(`${this.chargerId}: binary frame, closing with 1003`);
      closeWithin(this.charger, 1003, "binary frames are not OCPP-J", CLOSE_GRACE_MS);
      return;
    }
    const text3 = data.toString();
    if (text3 === "") {
      this.log(ts, "charger", "proxy", "INVALID", null, null, NO_TAGS, text3);
      return;
    }
    const parsed = parseFrame(text3, this.rules.messageTypes);
    if (!parsed.ok) {
      this.rejectChargerFrame(parsed, text3, ts);
      return;
    }
    this.badFrameStreak = 0;
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL: {
        if (this.heldReplays !== null) this.releaseReplays(frame.action === "BootNotification");
        let out = data;
        let outText = text3;
        let tags = NO_TAGS;
        const fixed = this.fixups.apply(frame.action, frame.payload, text3, this.memory, now);
        if (fixed !== null) {
          out = outText = fixed.text;
          tags = FIXED;
          for (const fix of fixed.fixes) {
            this.context.loggers.proxy.info(`${this.chargerId}: ${fix.rule} fixed ${frame.action} ${fix.field}: ${JSON.stringify(fix.was)} \u2192 ${JSON.stringify(fix.now)}`);
          }
        }
        this.memory.rememberCall(frame.action, frame.payload, outText);
        const route = this.transactions.routeChargerCall(frame.action, frame.payload, frame.id);
        if (route === "resent") {
          this.answerResentStart(frame.id, frame.payload, outText, ts);
          return;
        }
        if (route !== null && route.answerer !== this.primary) this.answerers.set(frame.id, route.answerer);
        const logText = redactSecrets(frame.action, frame.payload, outText);
        for (const link of route?.targets ?? this.links) {
          const ids = this.transactions.idsForUpstream(link, frame.action, frame.payload);
          if (ids.length === 0) {
            this.toUpstream(link, out, logText, tags, "CALL", frame.id, frame.action, ts);
          } else {
            const translated = spliceIds(outText, ids);
            this.toUpstream(link, translated, translated, tags, "CALL", frame.id, frame.action, ts);
          }
          if (frame.action === "StartTransaction" && link !== (route?.answerer ?? this.primary)) this.awaitStart(link, frame.id);
        }
        this.transactions.chargerCallForwarded(frame.action, frame.payload);
        this.chargerEvent(frame.action, frame.payload, ts);
        return;
      }
      case SEND:
        for (const link of this.links) this.toUpstream(link, data, text3, NO_TAGS, "SEND", frame.id, frame.action, ts);
        return;
      case CALLRESULTERROR:
        this.toUpstream(this.primary, data, text3, NO_TAGS, "CALLRESULTERROR", frame.id, null, ts);
        return;
      default:
        this.answerUpstreamCall(frame, text3, ts);
    }
  }
  /**
   * A 1.6 upstream that is not the session owner answers StartTransaction with its own id: hold
   * its next frames until that answer is in, so they can carry its id.
   */
  awaitStart(link, callId) {
    if (!link.isOpen || link.catchUpInFlight !== null || this.protocol !== "ocpp1.6") return;
    link.catchingUp = true;
    link.catchUpInFlight = callId;
    link.catchUpTimer = setTimeout(() => {
      link.catchUpInFlight = null;
      link.catchUpTimer = null;
      this.catchUpNext(link);
    }, this.callTimeoutMs);
  }
  /** The charger sent a StartTransaction again: never start it twice upstream; give it the owner's answer. */
  answerResentStart(callId, payload, text3, ts) {
    this.log(ts, "charger", "proxy", "CALL", callId, "StartTransaction", DROPPED, text3);
    const answer = this.transactions.resentStart(payload, callId);
    this.context.loggers.proxy.info(`${this.chargerId}: StartTransaction ${callId} is a resend; ${answer === null ? "the owner's answer will carry its id" : "answering with the owner's answer"}`);
    if (answer === null) return;
    const out = withId(answer, JSON.stringify(callId));
    this.sendToCharger(out);
    this.log(ts, "proxy", "charger", "CALLRESULT", callId, "StartTransaction", NO_TAGS, out);
  }
  /** Boot, status and meter events for listeners (event API, sharing rules). */
  chargerEvent(action, payload, at) {
    switch (action) {
      case "BootNotification":
        this.context.events.emit({ event: "boot", charger: this.chargerId, at, vendor: this.memory.vendor, model: this.memory.model, protocol: this.protocol });
        return;
      case "StatusNotification": {
        const connector = payload.evseId === void 0 ? String(payload.connectorId) : `${String(payload.evseId)}/${String(payload.connectorId)}`;
        const status = String(payload.status ?? payload.connectorStatus);
        this.context.control.connectorStatus(this.chargerId, connector, status);
        this.context.events.emit({ event: "status", charger: this.chargerId, at, connector, status, errorCode: payload.errorCode ?? null });
        return;
      }
      case "MeterValues":
        this.context.events.emit({ event: "meter", charger: this.chargerId, at, connector: payload.connectorId ?? payload.evseId ?? null, transactionId: payload.transactionId ?? null, meterValue: payload.meterValue });
        return;
    }
  }
  toUpstream(link, data, logText, tags, type, id, action, ts) {
    if (link.isWritable) {
      this.sendToLink(link, data, logText, type, id, action, tags, ts);
      return;
    }
    const dropped = link.pushBacklog({ data, text: logText, type, id, action, tags });
    if (dropped !== null) {
      this.log(ts, "charger", "proxy", dropped.type, dropped.id, dropped.action, DROPPED, dropped.text);
      this.context.loggers.proxy.warn(`${this.chargerId}: backlog for ${link.name} is full, dropped ${dropped.action ?? dropped.type} ${dropped.id}`);
    }
  }
  sendToLink(link, data, logText, type, id, action, tags, ts) {
    link.send(data);
    if (type === "CALL") link.awaitingReplies.set(id, action);
    this.log(ts, "charger", link.name, type, id, action, tags, logText);
    if (link.bufferedAmount > HIGH_WATER_MARK) this.holdBack("toUpstreams");
  }
  /** The charger answered the upstream Call in flight: back to that upstream alone, under its own id. */
  answerUpstreamCall(frame, text3, ts) {
    const typeName = TYPE_NAMES[frame.type];
    const proxyId = frame.id;
    const inFlight = this.inFlight;
    if (inFlight === null || inFlight.proxyId !== proxyId) {
      this.log(ts, "charger", "proxy", typeName, proxyId, null, DROPPED, text3);
      this.context.loggers.proxy.info(`${this.chargerId}: ${typeName} ${proxyId} answers no pending call (late or unknown), dropped`);
      return;
    }
    clearTimeout(inFlight.timer);
    this.inFlight = null;
    const { call } = inFlight;
    const link = call.source;
    if (link === null) {
      this.log(ts, "charger", "proxy", typeName, proxyId, call.action, INJECTED, text3);
      call.onAnswer?.({ type: typeName, payload: frame.type === CALLRESULT ? frame.payload : null });
    } else if (!link.isOpen) {
      this.log(ts, "charger", "proxy", typeName, proxyId, call.action, DROPPED, text3);
      this.context.loggers.proxy.info(`${this.chargerId}: answer to ${link.name}'s ${call.action} dropped, ${link.name} is not connected`);
    } else {
      let answer = text3;
      if (call.extraResults !== void 0 && frame.type === CALLRESULT) {
        answer = appendToArray(answer, [2, "setVariableResult"], call.extraResults);
      }
      const out = withId(answer, call.idLiteral);
      link.send(out);
      this.log(ts, "charger", link.name, typeName, call.id, call.action, NO_TAGS, out);
    }
    this.sendNextCall();
  }
  rejectChargerFrame(parsed, text3, ts) {
    this.log(ts, "charger", "proxy", "INVALID", parsed.id, null, NO_TAGS, text3);
    this.context.loggers.server.warn(`${this.chargerId}: bad frame: ${parsed.detail}`);
    let code;
    if (parsed.problem === "unknown-type") {
      code = this.rules.unknownMessageType === "ignore" ? null : this.rules.unknownMessageType;
    } else {
      code = this.rules.errorCodes[parsed.problem];
    }
    if (code !== null) {
      const id = parsed.id ?? "-1";
      const reply = callError(id, code, parsed.detail);
      this.charger.send(reply);
      this.log(ts, "proxy", "charger", "CALLERROR", id, null, NO_TAGS, reply);
    }
    if (++this.badFrameStreak >= MAX_BAD_FRAMES) {
      this.context.loggers.server.warn(`${this.chargerId}: ${MAX_BAD_FRAMES} bad frames in a row, closing with 1002`);
      closeWithin(this.charger, 1002, "too many malformed frames", CLOSE_GRACE_MS);
    }
  }
  onChargerClose(code, reason) {
    this.context.loggers.server.info(`${this.chargerId} disconnected (${code}${reason ? ` ${reason}` : ""})`);
    this.end(mirrorCloseCode(code, 1001), reason || "charger disconnected");
  }
  // ---- upstreams → charger -------------------------------------------------------------------
  linkOpened(link) {
    if (this.ended) return;
    if (link === this.primary && this.graceTimer !== null) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
      this.context.loggers.proxy.info(`${this.chargerId}: primary back within primary_grace`);
    }
    if (this.heldReplays !== null) {
      link.catchingUp = true;
      this.heldReplays.add(link);
      return;
    }
    this.catchUp(link, true);
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
    if (replay && !link.outbox.some((frame) => frame.action === "BootNotification")) {
      for (const { action, text: text3 } of this.memory.replayFrames()) {
        const proxyId = randomUUID();
        const out = withId(text3, `"${proxyId}"`);
        link.replay.push({ data: out, text: out, type: "CALL", id: proxyId, action, tags: REPLAYED });
        link.replayIds.set(proxyId, action);
      }
    }
    if (link.replay.length > 0 || link.outbox.length > 0) {
      link.catchingUp = true;
      this.catchUpNext(link);
    } else {
      link.catchingUp = false;
    }
  }
  /** Sends what a link missed one Call at a time, as a CSMS expects; the next goes on its answer. */
  catchUpNext(link) {
    while (link.catchUpInFlight === null && !this.ended && link.isOpen) {
      const replayed = link.replay.length > 0;
      const frame = replayed ? link.replay.shift() : link.outbox.shift();
      if (frame === void 0) {
        link.catchingUp = false;
        return;
      }
      if (frame.type === "CALL" && !replayed && (frame.action === "MeterValues" || frame.action === "StopTransaction")) {
        const ids = this.transactions?.idsForUpstream(link, frame.action, JSON.parse(frame.text)[3]) ?? [];
        if (ids.length > 0) frame.data = frame.text = spliceIds(frame.text, ids);
      }
      link.send(frame.data);
      if (frame.type === "CALL" && !replayed) link.awaitingReplies.set(frame.id, frame.action);
      const from = replayed ? "proxy" : "charger";
      const tags = replayed ? REPLAYED : frame.tags.length === 0 ? QUEUED : [...frame.tags, "queued"];
      this.log((/* @__PURE__ */ new Date()).toISOString(), from, link.name, frame.type, frame.id, frame.action, tags, frame.text);
      if (frame.type === "CALL") {
        link.catchUpInFlight = frame.id;
        link.catchUpTimer = setTimeout(() => {
          link.catchUpInFlight = null;
          link.catchUpTimer = null;
          this.catchUpNext(link);
        }, this.callTimeoutMs);
      }
    }
  }
  linkMessage(link, data, isBinary) {
    if (this.ended || this.charger === null) return;
    const ts = (/* @__PURE__ */ new Date()).toISOString();
    const text3 = isBinary ? `<binary frame, ${data.length} bytes>` : data.toString();
    const parsed = isBinary ? { ok: false, problem: "bad-envelope", id: null, detail: "binary frame" } : parseFrame(text3, this.rules.messageTypes);
    if (!parsed.ok) {
      this.log(ts, link.name, "proxy", "INVALID", parsed.id, null, DROPPED, text3);
      this.context.loggers.client.warn(`${this.chargerId}: bad frame from ${link.name} dropped: ${parsed.detail}`);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
      case SEND:
        this.upstreamCall(link, frame, text3, ts);
        return;
      case CALLRESULTERROR:
        this.log(ts, link.name, "proxy", "CALLRESULTERROR", frame.id, null, DROPPED, text3);
        return;
      default:
        this.upstreamAnswer(link, frame, data, text3, ts);
    }
  }
  upstreamCall(link, frame, text3, ts) {
    const typeName = TYPE_NAMES[frame.type];
    const logText = redactSecrets(frame.action, frame.payload, text3);
    const refusal = this.policies.get(link).refusal(frame.action);
    if (refusal !== null) {
      this.log(ts, link.name, "proxy", typeName, frame.id, frame.action, BLOCKED, logText);
      this.context.loggers.proxy.info(`${this.chargerId}: ${link.name}'s ${frame.action} blocked: ${refusal}`);
      if (frame.type === CALL) this.replyToUpstream(link, frame.id, frame.action, "SecurityError", `${link.name}: ${refusal}`, BLOCKED, ts);
      return;
    }
    const refusalPayload = frame.type === CALL ? controlRefusal(this.protocol, frame.action) : null;
    if (refusalPayload !== null) {
      const decision = this.context.control.decide(this.chargerId, link.name, frame.action);
      if (!decision.allowed) {
        const answer = JSON.stringify([CALLRESULT, frame.id, refusalPayload]);
        link.send(answer);
        this.log(ts, link.name, "proxy", typeName, frame.id, frame.action, BLOCKED, logText);
        this.log(ts, "proxy", link.name, "CALLRESULT", frame.id, frame.action, BLOCKED, answer);
        this.context.loggers.proxy.info(`${this.chargerId}: ${link.name}'s ${frame.action} refused: ${decision.reason}`);
        return;
      }
      this.context.loggers.proxy.info(`${this.chargerId}: ${link.name}'s ${frame.action} allowed: ${decision.reason}`);
    }
    if (frame.type === SEND) {
      const proxyId = randomUUID();
      const out = withId(text3, `"${proxyId}"`);
      this.sendToCharger(out);
      this.log(ts, link.name, "charger", typeName, proxyId, frame.action, NO_TAGS, redactSecrets(frame.action, frame.payload, out));
      return;
    }
    let callText = text3;
    let extraResults;
    const ids = this.transactions.upstreamCall(link, frame.action, frame.payload);
    if (ids.length > 0) callText = spliceIds(callText, ids);
    const locked = this.context.lockedKeys;
    if (locked !== null && (frame.action === "ChangeConfiguration" || frame.action === "SetVariables")) {
      const decision = lockDecision(frame.action, frame.payload, locked);
      if (decision.kind === "reject") {
        const answer = JSON.stringify([CALLRESULT, frame.id, decision.answer]);
        link.send(answer);
        this.log(ts, link.name, "proxy", typeName, frame.id, frame.action, BLOCKED, logText);
        this.log(ts, "proxy", link.name, "CALLRESULT", frame.id, frame.action, BLOCKED, answer);
        this.context.loggers.proxy.info(`${this.chargerId}: ${link.name} may not change ${decision.locked.join(", ")} ([autoconfig] lock)`);
        return;
      }
      if (decision.kind === "partial") {
        callText = spliceValues(text3, [{ path: [3, "setVariableData"], value: decision.keep }]);
        extraResults = decision.rejected.map((result) => JSON.stringify(result));
        this.context.loggers.proxy.info(`${this.chargerId}: ${decision.locked.join(", ")} removed from ${link.name}'s SetVariables ([autoconfig] lock)`);
      }
    }
    if (this.queue.countFor(link) >= this.context.config.queueLimit) {
      this.context.loggers.proxy.warn(`${this.chargerId}: ${link.name}'s ${frame.action} refused, ${this.context.config.queueLimit} calls already wait`);
      this.replyToUpstream(link, frame.id, frame.action, "GenericError", "proxy queue full", DROPPED, ts);
      return;
    }
    const call = { source: link, id: frame.id, idLiteral: idLiteralOf(text3), action: frame.action, text: callText };
    if (extraResults !== void 0) call.extraResults = extraResults;
    this.queue.push(call);
    this.sendNextCall(call, callText === text3 ? frame.payload : void 0);
  }
  /** Sends the next Call if the slot is free; `arrived` is the one just queued (not tagged `queued` if it goes at once). */
  sendNextCall(arrived, payload) {
    if (this.inFlight !== null || this.charger === null || this.ended) return;
    const call = this.queue.shift(this.memory.bootAccepted());
    if (call === void 0) return;
    if (call === arrived) this.sendCall(call, NO_TAGS, payload ?? null);
    else this.sendCall(call, QUEUED, null);
  }
  sendCall(call, tags, payload) {
    const proxyId = randomUUID();
    const out = withId(call.text, `"${proxyId}"`);
    this.inFlight = { call, proxyId, timer: setTimeout(() => this.callTimedOut(proxyId), this.callTimeoutMs) };
    this.sendToCharger(out);
    const logText = payload === null ? redactSecrets(call.action, JSON.parse(out)[3], out) : redactSecrets(call.action, payload, out);
    const from = call.source === null ? "proxy" : call.source.name;
    this.log((/* @__PURE__ */ new Date()).toISOString(), from, "charger", "CALL", proxyId, call.action, call.source === null ? INJECTED : tags, logText);
  }
  /** `[autoconfig]`: after each accepted boot, every key goes to the charger, ahead of held calls. */
  startAutoconfig() {
    for (const { key, action, payload } of autoconfigCalls(this.protocol, this.context.config.autoconfig)) {
      this.queueProxyCall(action, payload, (answer) => {
        const status = answer.payload === null ? "CallError" : configStatus(action, answer.payload);
        this.memory.autoconfigResults.set(key, status);
        if (status === "Accepted") this.context.loggers.proxy.info(`${this.chargerId}: autoconfig ${key}: Accepted`);
        else this.context.loggers.proxy.warn(`${this.chargerId}: autoconfig ${key}: ${status}`);
      });
    }
  }
  callTimedOut(proxyId) {
    if (this.inFlight?.proxyId !== proxyId) return;
    const { call } = this.inFlight;
    this.context.loggers.proxy.warn(`${this.chargerId}: no answer to ${call.source?.name ?? "the proxy"}'s ${call.action} within call_timeout, slot freed`);
    this.inFlight = null;
    this.sendNextCall();
  }
  upstreamAnswer(link, frame, data, text3, ts) {
    const typeName = TYPE_NAMES[frame.type];
    const { id } = frame;
    const catchUpStep = link.catchUpInFlight === id;
    if (catchUpStep) {
      clearTimeout(link.catchUpTimer);
      link.catchUpTimer = null;
      link.catchUpInFlight = null;
    }
    const replayedAction = link.replayIds.get(id);
    if (replayedAction !== void 0) {
      link.replayIds.delete(id);
      this.log(ts, link.name, "proxy", typeName, id, replayedAction, REPLAYED, text3);
    } else {
      const action = link.awaitingReplies.get(id);
      if (action !== void 0) link.awaitingReplies.delete(id);
      const answerer = this.answerers.get(id) ?? this.primary;
      if (action !== void 0) this.transactions?.upstreamAnswered(link, action, id, frame.type === CALLRESULT ? frame.payload : null, text3);
      if (link !== answerer || action === void 0) {
        this.log(ts, link.name, "proxy", typeName, id, action ?? null, DROPPED, text3);
      } else {
        this.answerers.delete(id);
        const chargerId = this.transactions?.answerIdFor(action, id) ?? id;
        const out = chargerId === id ? data : withId(text3, JSON.stringify(chargerId));
        this.sendToCharger(out);
        this.log(ts, link.name, "charger", typeName, chargerId, action, NO_TAGS, typeof out === "string" ? out : text3);
        if (action === "BootNotification" && frame.type === CALLRESULT) {
          const accepted = frame.payload.status === "Accepted";
          this.memory.bootAnswered(accepted);
          if (accepted) this.startAutoconfig();
          this.sendNextCall();
        }
      }
    }
    if (catchUpStep) this.catchUpNext(link);
  }
  replyToUpstream(link, id, action, code, description, tags, ts) {
    const reply = callError(id, code, description);
    link.send(reply);
    this.log(ts, "proxy", link.name, "CALLERROR", id, action, tags, reply);
  }
  sendToCharger(data) {
    const charger = this.charger;
    charger.send(data, { binary: false });
    if (charger.bufferedAmount > HIGH_WATER_MARK) this.holdBack("toCharger");
  }
  linkClosed(link, code, reason) {
    if (this.ended) return;
    const forgotten = this.queue.drop(link);
    if (forgotten > 0) this.context.loggers.proxy.info(`${this.chargerId}: ${forgotten} queued calls of ${link.name} dropped, it disconnected`);
    if (link !== this.primary || this.charger === null) return;
    const grace = this.context.config.timeouts.primaryGrace;
    if (grace > 0 && link.state === "waiting") {
      if (this.graceTimer === null) {
        this.context.loggers.proxy.warn(`${this.chargerId}: primary lost (${code}); keeping the charger for up to ${grace} s (primary_grace)`);
        this.graceTimer = setTimeout(() => {
          this.graceTimer = null;
          this.context.loggers.proxy.warn(`${this.chargerId}: primary not back within ${grace} s, closing the charger with 1011`);
          void this.shutdown(1011, 1e3, "primary unavailable");
        }, grace * 1e3);
      }
      return;
    }
    const chargerCode = mirrorCloseCode(code, 1011);
    this.context.loggers.proxy.warn(`${this.chargerId}: primary closed (${code}), closing the charger with ${chargerCode}`);
    void this.shutdown(chargerCode, 1e3, reason || "primary disconnected");
  }
  // ---- backpressure ----------------------------------------------------------------------------
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
    this.context.loggers.proxy.debug(`${this.chargerId}: a reader is slow, pausing its source`);
    this.drainTimer = setInterval(() => {
      const backedUp = this.backedUpSockets();
      if (backedUp.length > 0 && Date.now() - since <= this.callTimeoutMs) return;
      clearInterval(this.drainTimer);
      this.drainTimer = null;
      for (const socket of backedUp) {
        this.context.loggers.proxy.warn(`${this.chargerId}: ${socket.name} has not read its data for ${this.callTimeoutMs / 1e3} s, closing it`);
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
  // ---- shared ------------------------------------------------------------------------------
  end(upstreamCode, reason) {
    if (this.ended) return;
    this.ended = true;
    for (const link of this.links) link.close(upstreamCode, reason, CLOSE_GRACE_MS);
    if (this.inFlight !== null) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.queue.clear();
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.drainTimer !== null) clearInterval(this.drainTimer);
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    this.heldReplays = null;
    this.graceTimer = this.drainTimer = null;
    this.context.sessionEnded(this);
  }
  log(ts, from, to, type, id, action, tags, raw) {
    if (!this.versionLogged && this.charger !== null) {
      this.versionLogged = true;
      this.context.messageLog.write({ ts, charger: this.chargerId, from, to, type, id, action, tags, raw, protocol: this.protocol, protocol_source: this.versionSource });
      return;
    }
    this.context.messageLog.write({ ts, charger: this.chargerId, from, to, type, id, action, tags, raw });
  }
};
function spliceIds(text3, ids) {
  return spliceValues(text3, ids.map((change) => ({ path: [3, ...change.path], value: change.value })));
}

// src/listener/charger-path.ts
var MAX_CHARGER_ID_LENGTH = 48;
function chargerIdFromPath(requestUrl, collapseSlashes) {
  const query = requestUrl.indexOf("?");
  let path = query === -1 ? requestUrl : requestUrl.slice(0, query);
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
  return { ok: true, chargerId };
}

// src/listener/handshake.ts
import { STATUS_CODES } from "node:http";
function abortHandshake(socket, status, headers = {}, body) {
  if (socket.destroyed) return;
  const text3 = body ?? STATUS_CODES[status] ?? "Error";
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "Connection: close",
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(text3)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  ];
  socket.end(`${lines.join("\r\n")}\r
\r
${text3}`);
}
function offeredSubprotocols(header) {
  if (header === void 0) return [];
  return header.split(",").map((token) => token.trim()).filter((token) => token !== "");
}

// src/listener/proxy-server.ts
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
  events;
  control;
  constructor(config, loggers, messageLog, extras = {}) {
    const upstreamTls = extras.upstreamTls ?? /* @__PURE__ */ new Map();
    const listenerTls = extras.listenerTls ?? null;
    const store = extras.store ?? null;
    this.events = extras.events ?? new ChargerEvents();
    this.control = extras.control ?? new ControlArbiter(config, () => null);
    this.config = config;
    this.loggers = loggers;
    this.context = {
      config,
      loggers,
      messageLog,
      upstreamTls,
      fixupRules: configuredRules(config.fixups),
      lockedKeys: config.autoconfigLock ? managedKeys(config.autoconfig) : null,
      split: splitConfig(config),
      store,
      events: this.events,
      control: this.control,
      sessionEnded: (session) => {
        if (this.sessions.get(session.chargerId) === session) this.sessions.delete(session.chargerId);
      }
    };
    for (const [id, text3] of config.chargerAuth.hashes) {
      const hash = parseStoredHash(text3);
      if (hash !== null) this.passwordHashes.set(id, hash);
    }
    this.http = listenerTls === null ? createServer(respondToPlainHttp) : createTlsServer({ ...listenerTls, minVersion: "TLSv1.2" }, respondToPlainHttp);
    this.http.on("upgrade", (request, socket, head) => void this.onUpgrade(request, socket, head));
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
    if (pingInterval > 0) {
      const timer = setInterval(() => {
        const now = Date.now();
        for (const session of this.sessions.values()) session.pingTick(now, pingTimeout * 1e3);
      }, pingInterval * 1e3);
      this.sweeps.push(timer);
    }
    if (watchdogInterval > 0 && watchdogStale > 0) {
      const timer = setInterval(() => {
        const now = Date.now();
        for (const session of this.sessions.values()) session.watchdogTick(now, watchdogStale * 1e3);
      }, watchdogInterval * 1e3);
      this.sweeps.push(timer);
    }
    for (const timer of this.sweeps) timer.unref();
  }
  /** Closes every charger with 1001 (going away) and stops listening. */
  async close() {
    this.stopping = true;
    for (const timer of this.sweeps) clearInterval(timer);
    const closing = new Promise((resolve6) => this.http.close(() => resolve6()));
    await Promise.all([...this.sessions.values()].map((session) => session.shutdown(1001, 1001, "proxy shutting down")));
    this.http.closeAllConnections();
    await closing;
  }
  async onUpgrade(request, socket, head) {
    socket.on("error", (error) => this.loggers.server.debug(`charger socket error before upgrade: ${error.message}`));
    const remote = `${request.socket.remoteAddress ?? "?"}`;
    if (this.stopping) return abortHandshake(socket, 503);
    const path = chargerIdFromPath(request.url ?? "/", this.config.fixups.url);
    if (!path.ok) {
      this.loggers.server.warn(`refused ${remote} ${sanitize(request.url)}: ${path.reason} (404)`);
      return abortHandshake(socket, 404, {}, `${path.reason}
`);
    }
    const { chargerId } = path;
    if (this.config.chargerAuth.required) {
      const refusal = await this.authenticate(chargerId, request);
      if (refusal !== null) {
        this.loggers.server.warn(`${chargerId}: refused ${remote}: ${refusal === 404 ? "unknown charger id" : "bad or missing credentials"} (${refusal})`);
        return abortHandshake(socket, refusal, refusal === 401 ? { "WWW-Authenticate": 'Basic realm="ocpp-proxy", charset="UTF-8"' } : {});
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
      this.loggers.server.warn(`${chargerId}: offered no OCPP subprotocol (${sanitize(request.headers["sec-websocket-protocol"])}), closing`);
      return this.acceptAndClose(request, socket, head, false, "no supported OCPP subprotocol offered");
    }
    const previous = this.sessions.get(chargerId);
    let memory = this.memories.get(chargerId);
    if (memory === void 0) this.memories.set(chargerId, memory = new ChargerMemory());
    const session = new ChargerSession(chargerId, memory, this.context);
    this.sessions.set(chargerId, session);
    if (previous !== void 0) {
      this.loggers.server.info(`${chargerId}: new connection from ${remote} replaces the previous one`);
      await previous.shutdown(1e3, 1e3, "replaced by a new connection");
    }
    const onChargerGone = () => void session.shutdown(1001, 1001, "charger went away during the handshake");
    socket.once("close", onChargerGone);
    const failure = session.isEnded ? null : await session.connectPrimary(offered, request.headers);
    socket.off("close", onChargerGone);
    if (session.isEnded || socket.destroyed) {
      void session.shutdown(1001, 1001, "handshake abandoned");
      socket.destroy();
      return;
    }
    if (failure !== null) {
      void session.shutdown(1011, 1e3, "primary refused");
      if (failure.kind === "http") {
        this.loggers.server.warn(`${chargerId}: primary refused the handshake with HTTP ${failure.status}; passed on to the charger`);
        return abortHandshake(socket, failure.status, failure.headers);
      }
      if (failure.kind === "no-subprotocol") {
        this.loggers.server.warn(`${chargerId}: primary accepted none of ${offered.join(", ")}, closing`);
        return this.acceptAndClose(request, socket, head, false, "the backend supports none of the offered OCPP versions");
      }
      this.loggers.server.warn(`${chargerId}: primary unreachable (${failure.message}), refusing with 502`);
      return abortHandshake(socket, 502, {}, "primary upstream unreachable\n");
    }
    this.chosenProtocol.set(request, versionSource === "subprotocol" ? session.primary.protocol : false);
    this.wss.handleUpgrade(request, socket, head, (charger) => {
      this.loggers.server.info(`${chargerId} connected from ${remote} (${session.primary.protocol}, from the ${versionSource})`);
      session.attachCharger(charger, session.primary.protocol, versionSource);
    });
  }
  /** HTTP Basic Auth against `[chargers]` before the upgrade: null when allowed, else 404 or 401. */
  async authenticate(chargerId, request) {
    const stored = this.passwordHashes.get(chargerId);
    if (stored === void 0) return 404;
    const credentials = parseBasicAuth(request.headers.authorization);
    if (credentials === null || credentials.username !== chargerId) return 401;
    return await verifyPassword(credentials.password, stored) ? null : 401;
  }
  acceptAndClose(request, socket, head, protocol, reason) {
    this.chosenProtocol.set(request, protocol);
    this.wss.handleUpgrade(request, socket, head, (ws) => closeWithin(ws, 1002, reason, 1e3));
  }
};
function splitConfig(config) {
  const tagOwners = /* @__PURE__ */ new Map();
  for (const upstream of config.upstreams) for (const tag of upstream.rfid) tagOwners.set(tag, upstream.name);
  return { tagOwners, defaultOwner: config.defaultOwner };
}
function respondToPlainHttp(_request, response) {
  response.writeHead(426, { "Content-Type": "text/plain; charset=utf-8", Upgrade: "websocket", Connection: "close" });
  response.end("This port accepts OCPP WebSocket connections only: ws://HOST:PORT/<charger id>\n");
}
function sanitize(value) {
  if (value === void 0) return "(none)";
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value);
}

// src/store/store.ts
import { createRequire } from "node:module";
var requireBuiltin = createRequire(import.meta.url);
var sqlite = () => requireBuiltin("node:sqlite");
var StoreError = class extends Error {
  code = "ERR_STORE";
};
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
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`
];
var Store = class _Store {
  path;
  db;
  statements;
  constructor(path, db) {
    this.path = path;
    this.db = db;
    const prepare = (sql) => db.prepare(sql);
    this.statements = {
      owner: prepare("INSERT OR REPLACE INTO transactions (charger, charger_tx, owner, created_at) VALUES (?, ?, ?, ?)"),
      upstreamTx: prepare("INSERT OR REPLACE INTO upstream_tx (charger, charger_tx, upstream, upstream_tx) VALUES (?, ?, ?, ?)"),
      owners: prepare("SELECT charger_tx, owner FROM transactions WHERE charger = ?"),
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
    const owners = /* @__PURE__ */ new Map();
    for (const row of this.statements.owners.all(charger)) owners.set(row.charger_tx, row.owner);
    const upstreamIds = /* @__PURE__ */ new Map();
    for (const row of this.statements.upstreamIds.all(charger)) {
      let map = upstreamIds.get(row.charger_tx);
      if (map === void 0) upstreamIds.set(row.charger_tx, map = /* @__PURE__ */ new Map());
      map.set(row.upstream, row.upstream_tx);
    }
    return { owners, upstreamIds };
  }
  /**
   * A transaction started (or, in 2.0.1, its owner became known): its owner and the session row,
   * in one atomic write. A CSMS may reuse a transaction id later: a finished session stays as it was.
   */
  startTransaction(start) {
    this.atomically(() => {
      this.statements.owner.run(start.charger, start.chargerTx, start.owner, (/* @__PURE__ */ new Date()).toISOString());
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
  getSetting(key) {
    const row = this.statements.getSetting.get(key);
    return row?.value ?? null;
  }
  setSetting(key, value) {
    if (value === null) this.statements.deleteSetting.run(key);
    else this.statements.setSetting.run(key, value);
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
  close() {
    this.db.close();
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

// src/web/web-server.ts
import { createServer as createServer2 } from "node:http";
import { timingSafeEqual as timingSafeEqual3 } from "node:crypto";

// src/cli/sessions.ts
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

// src/web/dashboard-state.ts
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
      if (limit !== null) this.view(entry.charger).limit = { ...limit, by: entry.from, at: entry.ts };
      return limit !== null;
    }
    return false;
  }
  view(charger) {
    let view = this.chargers.get(charger);
    if (view === void 0) {
      view = { vendor: null, model: null, firmware: null, connectors: {}, transaction: null, readings: {}, readingsAt: null, limit: null };
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
        view.connectors[connector] = { status: text2(p.status ?? p.connectorStatus) ?? "?", errorCode: text2(p.errorCode), at: ts };
        return;
      }
      case "StartTransaction":
        view.transaction = { id: null, idTag: text2(p.idTag), connector: String(p.connectorId), startedAt: text2(p.timestamp) ?? ts, meterStartWh: num2(p.meterStart) };
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
      for (const sample of Array.isArray(meterValue.sampledValue) ? meterValue.sampledValue : []) {
        const raw = typeof sample.value === "number" ? sample.value : Number(sample.value);
        if (!Number.isFinite(raw)) continue;
        const measurand = text2(sample.measurand) ?? "Energy.Active.Import.Register";
        const unit = text2(sample.unit) ?? text2((sample.unitOfMeasure ?? {}).unit);
        const value = unit === "kW" || unit === "kWh" || unit === "kvar" ? raw * 1e3 : raw;
        const phase = text2(sample.phase);
        view.readings[phase === null ? measurand : `${measurand}.${phase}`] = value;
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
  const value = num2(period?.limit);
  return value === null ? null : { value, unit: text2(schedule?.chargingRateUnit) ?? "?" };
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
function num2(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
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
  startedAt = Date.now();
  observe(entry) {
    const frameKey = `${entry.from}\0${entry.to}\0${entry.type}\0${entry.action ?? ""}`;
    this.frames.set(frameKey, (this.frames.get(frameKey) ?? 0) + 1);
    for (const tag of entry.tags) this.tags.set(tag, (this.tags.get(tag) ?? 0) + 1);
    if (entry.from === "charger" && entry.type === "CALL" && entry.to !== "proxy") {
      if (this.openCalls.size >= MAX_OPEN_CALLS) this.openCalls.delete(this.openCalls.keys().next().value);
      this.openCalls.set(`${entry.charger}|${entry.to}|${entry.id}`, Date.parse(entry.ts));
    } else if (entry.to !== "proxy" || entry.tags.includes("dropped")) {
      if (entry.type !== "CALLRESULT" && entry.type !== "CALLERROR") return;
      const key = `${entry.charger}|${entry.from}|${entry.id}`;
      const sentAt = this.openCalls.get(key);
      if (sentAt === void 0) return;
      this.openCalls.delete(key);
      this.record(entry.from, (Date.parse(entry.ts) - sentAt) / 1e3);
    }
  }
  render(sessions2) {
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
        out.push(`ocpp_proxy_upstream_backlog{${labels}} ${link.outbox.length + link.replay.length}`);
        out.push(`ocpp_proxy_upstream_reconnect_attempts{${labels}} ${link.reconnectAttempts}`);
      }
    }
    family("queued_calls", "gauge", "Upstream and proxy Calls waiting for (or at) the charger.");
    for (const session of list) out.push(`ocpp_proxy_queued_calls{charger="${esc(session.chargerId)}"} ${session.queuedCalls}`);
    family("frames_total", "counter", "Frames per hop, type and action.");
    for (const [key, count] of this.frames) {
      const [from, to, type, action] = key.split("\0");
      out.push(`ocpp_proxy_frames_total{from="${esc(from)}",to="${esc(to)}",type="${type}",action="${esc(action)}"} ${count}`);
    }
    for (const tag of ["dropped", "blocked", "fixed", "replayed", "queued", "injected"]) {
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

// src/web/pages.ts
var STYLE = `
  body { font: 13px/1.4 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  header { display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #1d2330; color: #fff; flex-wrap: wrap; }
  header a { color: #9cc3ff; } header h1 { font-size: 15px; margin: 0 12px 0 0; }
  input, select, button, textarea { font: inherit; padding: 3px 6px; }
  table { border-collapse: collapse; width: 100%; } td, th { padding: 3px 6px; border-bottom: 1px solid #e1e4ea; text-align: left; vertical-align: top; }
  tr.msg { cursor: pointer; } tr.msg:hover { background: #eef3ff; }
  .up { color: #1558b0; } .down { color: #137333; } .proxy { color: #b3261e; } .invalid { color: #777; }
  .CALLERROR, .INVALID { color: #b3261e; font-weight: 600; }
  .tag { display: inline-block; padding: 0 5px; margin-right: 3px; border-radius: 8px; font-size: 11px; background: #e8eaf0; }
  .tag.fixed { background: #fff0c2; } .tag.blocked, .tag.dropped { background: #ffd9d6; } .tag.injected { background: #dcecff; }
  .tag.queued, .tag.replayed { background: #e3f5e1; }
  pre { margin: 4px 0; white-space: pre-wrap; word-break: break-all; background: #fff; padding: 6px; border: 1px solid #e1e4ea; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; padding: 12px; }
  .card { background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: 10px 12px; }
  .card h2 { font-size: 15px; margin: 0 0 6px; } .card h3 { font-size: 12px; margin: 10px 0 4px; color: #555; text-transform: uppercase; }
  .state-open { color: #137333; font-weight: 600; } .state-connecting, .state-waiting { color: #b06000; font-weight: 600; } .state-closed { color: #b3261e; font-weight: 600; }
  .big { font-size: 20px; font-weight: 600; } .muted { color: #777; }
`;
var COMMON_SCRIPT = `
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'class') node.className = value; else if (key.startsWith('on')) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    return node;
  }
`;
var MONITOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ocpp-proxy \xB7 messages</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<header>
  <h1>ocpp-proxy</h1><a href="/status">dashboard</a>
  <input id="f-charger" placeholder="charger" size="10"><input id="f-upstream" placeholder="upstream" size="10">
  <input id="f-action" placeholder="action" size="14"><input id="f-text" placeholder="text" size="16">
  <button id="pause">pause</button><button id="clear">clear</button><span id="count"></span><span id="conn"></span>
</header>
<table><thead><tr><th>time</th><th>charger</th><th>hop</th><th>type</th><th>action</th><th>id</th><th>tags</th><th>ms</th></tr></thead>
<tbody id="rows"></tbody></table>
<script>
${COMMON_SCRIPT}
  const rows = document.getElementById('rows');
  const filters = ['charger', 'upstream', 'action', 'text'].map((name) => document.getElementById('f-' + name));
  const sentAt = new Map();
  const kept = [];
  let paused = false;
  const held = [];

  function hopClass(e) {
    if (e.type === 'INVALID') return 'invalid';
    if (e.from === 'proxy' || e.to === 'proxy') return 'proxy';
    return e.from === 'charger' ? 'up' : 'down';
  }
  function latency(e) {
    const key = e.charger + '|' + e.id;
    if (e.type === 'CALL') { sentAt.set(key + '|' + e.to, Date.parse(e.ts)); return ''; }
    if (e.type !== 'CALLRESULT' && e.type !== 'CALLERROR') return '';
    const start = sentAt.get(key + '|' + e.from);
    if (start === undefined) return '';
    sentAt.delete(key + '|' + e.from);
    return String(Date.parse(e.ts) - start);
  }
  function visible(e) {
    const [charger, upstream, action, text] = filters.map((f) => f.value.trim().toLowerCase());
    if (charger && !e.charger.toLowerCase().includes(charger)) return false;
    if (upstream && !(e.from + ' ' + e.to).toLowerCase().includes(upstream)) return false;
    if (action && !(e.action || '').toLowerCase().includes(action)) return false;
    if (text && !e.raw.toLowerCase().includes(text)) return false;
    return true;
  }
  function row(e) {
    const ms = latency(e);
    const tags = el('td', {}, ...e.tags.map((t) => el('span', { class: 'tag ' + t }, t)));
    const tr = el('tr', { class: 'msg ' + hopClass(e) },
      el('td', {}, e.ts.slice(11, 23)), el('td', {}, e.charger), el('td', {}, e.from + ' \u2192 ' + e.to),
      el('td', { class: e.type }, e.type), el('td', {}, e.action || ''), el('td', {}, e.id || ''), tags, el('td', {}, ms));
    tr.dataset.raw = e.raw;
    tr.addEventListener('click', () => {
      const next = tr.nextSibling;
      if (next && next.classList && next.classList.contains('detail')) { next.remove(); return; }
      let pretty = e.raw;
      try { pretty = JSON.stringify(JSON.parse(e.raw), null, 2); } catch {}
      tr.after(el('tr', { class: 'detail' }, el('td', { colspan: '8' }, el('pre', {}, pretty))));
    });
    return tr;
  }
  function add(e) {
    kept.push(e);
    if (kept.length > 2000) kept.shift();
    if (!visible(e)) { latency(e); return; }
    rows.prepend(row(e));
    while (rows.children.length > 1000) rows.lastChild.remove();
    document.getElementById('count').textContent = kept.length + ' messages';
  }
  function redraw() { rows.replaceChildren(); sentAt.clear(); const all = kept.splice(0); all.forEach(add); }
  filters.forEach((f) => f.addEventListener('input', redraw));
  document.getElementById('pause').addEventListener('click', (event) => {
    paused = !paused; event.target.textContent = paused ? 'resume' : 'pause';
    if (!paused) held.splice(0).forEach(add);
  });
  document.getElementById('clear').addEventListener('click', () => { kept.length = 0; rows.replaceChildren(); document.getElementById('count').textContent = ''; });

  fetch('/api/messages').then((r) => r.json()).then((entries) => {
    entries.forEach(add);
    const source = new EventSource('/api/live');
    source.addEventListener('message', (event) => { const e = JSON.parse(event.data); if (paused) held.push(e); else add(e); });
    source.addEventListener('open', () => { document.getElementById('conn').textContent = '\u25CF live'; });
    source.addEventListener('error', () => { document.getElementById('conn').textContent = '\u25CB reconnecting'; });
  });
</script></body></html>`;
var DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ocpp-proxy \xB7 status</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<header><h1>ocpp-proxy</h1><a href="/">messages</a><span id="conn"></span>
  <span>homeowner override: <b id="override">none</b></span>
  <button data-override="block">block all backends</button><button data-override="allow">allow all</button>
  <select id="give-to" aria-label="give control to"></select><button data-override="give">give control</button>
  <button data-override="clear">clear override</button><span id="override-result"></span>
</header>
<div class="cards" id="cards"><p class="muted">waiting for status\u2026</p></div>
<script>
${COMMON_SCRIPT}
  const cards = document.getElementById('cards');
  const fmt = (value, unit, digits) => (value === undefined || value === null ? '\u2013' : Number(value).toFixed(digits) + ' ' + unit);
  const reading = (r, name) => r[name];

  function commandsFor(charger) {
    const is16 = charger.protocol === 'ocpp1.6';
    const tx = charger.transaction && charger.transaction.id;
    return is16 ? {
      Reset: ['Reset', { type: 'Soft' }],
      Unlock: ['UnlockConnector', { connectorId: 1 }],
      'Remote start': ['RemoteStartTransaction', { connectorId: 1, idTag: 'PROXY' }],
      'Remote stop': ['RemoteStopTransaction', { transactionId: tx ? Number(tx) : 0 }],
      'Get configuration': ['GetConfiguration', {}],
      'Change configuration': ['ChangeConfiguration', { key: 'HeartbeatInterval', value: '300' }],
      Trigger: ['TriggerMessage', { requestedMessage: 'StatusNotification' }],
    } : {
      Reset: ['Reset', { type: 'OnIdle' }],
      Unlock: ['UnlockConnector', { evseId: 1, connectorId: 1 }],
      'Remote start': ['RequestStartTransaction', { idToken: { idToken: 'PROXY', type: 'Central' }, remoteStartId: Date.now() % 100000 }],
      'Remote stop': ['RequestStopTransaction', { transactionId: tx || '' }],
      'Get configuration': ['GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] }],
      'Change configuration': ['SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' }] }],
      Trigger: ['TriggerMessage', { requestedMessage: 'StatusNotification' }],
    };
  }

  function commandBox(charger) {
    const action = el('input', { size: '22', 'aria-label': 'action' });
    const payload = el('textarea', { rows: '3', cols: '48', 'aria-label': 'payload' });
    const result = el('pre', { class: 'result' }, '');
    const send = el('button', { class: 'send', onclick: async () => {
      result.textContent = 'sending\u2026';
      let body;
      try { body = JSON.stringify({ action: action.value.trim(), payload: JSON.parse(payload.value || '{}') }); } catch (error) { result.textContent = 'payload is not JSON: ' + error.message; return; }
      const response = await fetch('/api/chargers/' + encodeURIComponent(charger.id) + '/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      result.textContent = response.status + ' ' + JSON.stringify(await response.json(), null, 2);
    } }, 'send');
    const presets = Object.entries(commandsFor(charger)).map(([label, [name, params]]) =>
      el('button', { 'data-command': label, onclick: () => { action.value = name; payload.value = JSON.stringify(params); send.click(); } }, label));
    return el('div', {}, el('div', {}, ...presets), el('div', {}, action, ' ', payload, ' ', send), result);
  }

  const boxes = new Map();
  function card(charger) {
    const r = charger.readings || {};
    const links = el('table', {}, ...charger.upstreams.map((u) => el('tr', {},
      el('td', {}, u.name + ' (' + u.role + ')'), el('td', { class: 'state-' + u.state }, u.state),
      el('td', { class: 'muted' }, 'since ' + u.since.slice(11, 19)), el('td', {}, u.reconnect_attempts ? u.reconnect_attempts + ' retries' : ''),
      el('td', {}, u.backlog ? u.backlog + ' waiting' : ''))));
    const phases = el('table', {}, el('tr', {}, el('th', {}, ''), el('th', {}, 'L1'), el('th', {}, 'L2'), el('th', {}, 'L3')),
      ...[['Voltage', 'V', 1], ['Current.Import', 'A', 2], ['Power.Active.Import', 'W', 0]].map(([m, unit, d]) =>
        el('tr', {}, el('td', {}, m), ...['L1', 'L2', 'L3'].map((p) => el('td', { class: 'reading', 'data-measurand': m + '.' + p },
          fmt(reading(r, m + '.' + p) ?? reading(r, m + '.' + p + '-N'), unit, d))))));
    const tx = charger.transaction;
    const connectors = Object.entries(charger.connectors || {}).map(([id, c]) => el('div', {}, 'connector ' + id + ': ', el('b', {}, c.status), c.errorCode && c.errorCode !== 'NoError' ? ' (' + c.errorCode + ')' : ''));
    const energy = reading(r, 'Energy.Active.Import.Register');
    if (!boxes.has(charger.id)) boxes.set(charger.id, commandBox(charger));
    return el('div', { class: 'card', 'data-charger': charger.id },
      el('h2', {}, charger.id + ' ', el('span', { class: 'muted' }, charger.protocol)),
      el('div', { class: 'muted' }, [charger.vendor, charger.model, charger.firmware].filter(Boolean).join(' \xB7 ') || 'no BootNotification yet'),
      el('h3', {}, 'links'), links,
      el('h3', {}, 'connectors'), ...(connectors.length ? connectors : [el('div', { class: 'muted' }, 'no status yet')]),
      el('h3', {}, 'session'), tx ? el('div', {}, 'transaction ' + (tx.id || '\u2026') + ' \xB7 idTag ' + (tx.idTag || '\u2013') + ' \xB7 owner ' + (tx.owner || '\u2013') +
        ' \xB7 since ' + tx.startedAt + (energy !== undefined && tx.meterStartWh !== null ? ' \xB7 ' + ((energy - tx.meterStartWh) / 1000).toFixed(2) + ' kWh' : '')) : el('div', { class: 'muted' }, 'none'),
      el('h3', {}, 'power'), el('div', { class: 'big' }, fmt(reading(r, 'Power.Active.Import'), 'W', 0), ' \xB7 ', fmt(energy === undefined ? undefined : energy / 1000, 'kWh', 2)),
      phases,
      el('h3', {}, 'limit'), charger.limit ? el('div', {}, charger.limit.value + ' ' + charger.limit.unit + ' by ' + charger.limit.by) : el('div', { class: 'muted' }, 'none set'),
      el('h3', {}, 'control'), charger.control ? el('div', {},
        el('div', {}, 'holder: ', el('b', {}, charger.control.holder || 'nobody'), charger.control.lease_until ? ' \xB7 lease until ' + charger.control.lease_until.slice(11, 19) : '',
          charger.control.session_held ? ' \xB7 for its session' : '', charger.control.home_assistant ? ' \xB7 Home Assistant: ' + charger.control.home_assistant.reason : ''),
        ...charger.control.decisions.slice(-3).reverse().map((d) => el('div', { class: 'muted' }, d.at.slice(11, 19) + ' ' + d.backend + ' ' + d.action + ': ' + (d.allowed ? 'allowed' : 'refused') + ' (' + d.reason + ')'))) : null,
      el('h3', {}, 'autoconfig'), el('div', {}, ...Object.entries(charger.autoconfig || {}).map(([k, v]) => el('div', {}, k + ': ' + v))),
      el('h3', {}, 'commands'), boxes.get(charger.id));
  }

  const giveTo = document.getElementById('give-to');
  document.querySelectorAll('[data-override]').forEach((button) => button.addEventListener('click', async () => {
    const mode = button.dataset.override;
    const response = mode === 'clear'
      ? await fetch('/api/override', { method: 'DELETE' })
      : await fetch('/api/override', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(mode === 'give' ? { mode, to: giveTo.value } : { mode }) });
    document.getElementById('override-result').textContent = response.ok ? '' : response.status + ' ' + (await response.json()).error;
  }));

  const source = new EventSource('/api/live');
  source.addEventListener('status', (event) => {
    const { chargers, override, backends } = JSON.parse(event.data);
    document.getElementById('override').textContent = override ? override.mode + (override.to ? ' \u2192 ' + override.to : '') : 'none';
    if (giveTo.options.length !== (backends || []).length) giveTo.replaceChildren(...(backends || []).map((name) => el('option', { value: name }, name)));
    cards.replaceChildren(...(chargers.length ? chargers.map(card) : [el('p', { class: 'muted' }, 'no charger connected')]));
  });
  source.addEventListener('open', () => { document.getElementById('conn').textContent = '\u25CF live'; });
  source.addEventListener('error', () => { document.getElementById('conn').textContent = '\u25CB reconnecting'; });
</script></body></html>`;

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
  handleUpgrade(request, socket, head) {
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== "/api/events") return abortHandshake(socket, 404);
    const name = url.searchParams.get("id");
    const backend = this.backends.find((b) => b.name === name);
    const header = request.headers.authorization ?? "";
    const token = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : url.searchParams.get("token") ?? "";
    if (backend === void 0 || !sameText(token, backend.token)) {
      this.logger.warn(`event API: refused ${name === null ? "a connection without id" : `backend '${name}'`} (unknown or bad token)`);
      return abortHandshake(socket, 401, { "WWW-Authenticate": 'Bearer realm="ocpp-proxy"' });
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.attach(ws, backend.name));
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
    const reply = (body) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body));
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
      reply({ id, result: "error", reason: error.message });
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

// src/web/web-server.ts
var MAX_CLIENT_BACKLOG = 1024 * 1024;
var MAX_BODY = 64 * 1024;
var WebServer = class {
  config;
  proxy;
  store;
  logger;
  http;
  recent = [];
  dashboard = new DashboardState();
  metrics = new Metrics();
  clients = /* @__PURE__ */ new Set();
  unsubscribe;
  expectedAuth;
  /** Commands are refused on a non-loopback address without a password. */
  commandsAllowed;
  statusTimer = null;
  linkWatch = null;
  eventApi;
  constructor(config, proxy, messageLog, store, logger) {
    this.config = config;
    this.proxy = proxy;
    this.store = store;
    this.logger = logger;
    const { username, password, host } = config.web;
    this.expectedAuth = username !== null && password !== null ? Buffer.from(`Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`) : null;
    const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost" || host.startsWith("127.");
    this.commandsAllowed = loopback || this.expectedAuth !== null;
    this.unsubscribe = messageLog.subscribe((entry) => this.onEntry(entry));
    this.http = createServer2((request, response) => this.handle(request, response));
    this.eventApi = new EventApi(config, proxy, logger);
    this.http.on("upgrade", (request, socket, head) => this.eventApi.handleUpgrade(request, socket, head));
  }
  listen() {
    return new Promise((resolve6, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.config.web.port, this.config.web.host, () => {
        this.http.off("error", reject);
        const port = this.http.address().port;
        this.logger.info(`web monitor on http://${this.config.web.host}:${port}/ (dashboard /status, metrics /metrics)`);
        if (!this.commandsAllowed) {
          this.logger.warn(`web monitor on ${this.config.web.host} has no password: pages are read-only, commands answer 403; set [web] username and password`);
        }
        resolve6(port);
      });
    });
  }
  async close() {
    this.unsubscribe();
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
    this.metrics.observe(entry);
    if (this.clients.size === 0) {
      this.dashboard.apply(entry);
      return;
    }
    this.broadcast("message", JSON.stringify(entry));
    if (this.dashboard.apply(entry) || entry.to === "charger" || entry.from === "charger") this.scheduleStatus();
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
    const chargers = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null).map((session) => {
      const view = this.dashboard.chargers.get(session.chargerId);
      const transaction = view?.transaction ?? null;
      return {
        ...session.status(),
        vendor: view?.vendor ?? null,
        model: view?.model ?? null,
        firmware: view?.firmware ?? null,
        connectors: view?.connectors ?? {},
        transaction: transaction === null ? null : { ...transaction, idTag: this.maskTag(transaction.idTag), owner: transaction.id === null ? null : session.transactionOwner(transaction.id) ?? null },
        readings: view?.readings ?? {},
        readings_at: view?.readingsAt ?? null,
        limit: view?.limit ?? null,
        control: this.proxy.control.describe(session.chargerId)
      };
    });
    return { chargers, override: this.proxy.control.override, backends: this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name)) };
  }
  maskTag(tag) {
    if (tag === null || this.config.web.showIdTags) return tag;
    return tag.length <= 4 ? "****" : `${"*".repeat(tag.length - 4)}${tag.slice(-4)}`;
  }
  // ---- HTTP ------------------------------------------------------------------------------------
  handle(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    if (url.pathname === "/healthz" && request.method === "GET") return this.healthz(response);
    if (!this.authorized(request)) {
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="ocpp-proxy", charset="UTF-8"', "Content-Type": "text/plain" });
      response.end("authentication required\n");
      return;
    }
    if (url.pathname === "/api/override" && (request.method === "POST" || request.method === "DELETE")) {
      return void this.override(request, response);
    }
    const command2 = /^\/api\/chargers\/([^/]+)\/call$/.exec(url.pathname);
    if (command2 !== null) {
      if (request.method !== "POST") return this.json(response, 405, { error: "use POST" });
      return void this.command(decodeURIComponent(command2[1]), request, response);
    }
    if (request.method !== "GET") return this.json(response, 405, { error: "method not allowed" });
    switch (url.pathname) {
      case "/":
        return this.page(response, MONITOR_PAGE);
      case "/status":
        return this.page(response, DASHBOARD_PAGE);
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
        response.end(this.metrics.render(this.proxy.sessions.values()));
        return;
      default:
        return this.json(response, 404, { error: "not found" });
    }
  }
  authorized(request) {
    if (this.expectedAuth === null) return true;
    const given = Buffer.from(request.headers.authorization ?? "");
    return given.length === this.expectedAuth.length && timingSafeEqual3(given, this.expectedAuth);
  }
  /** 200 when every charger's primary link is up (or none is connected), else 503 with the reason. */
  healthz(response) {
    const down = [...this.proxy.sessions.values()].filter((s) => s.connectedSince !== null && !s.isEnded && !s.primary.isOpen).map((s) => s.chargerId);
    if (down.length === 0) this.json(response, 200, { status: "ok", chargers: this.proxy.sessions.size });
    else this.json(response, 503, { status: "degraded", reason: `primary link down for ${down.join(", ")}` });
  }
  events(response) {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
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
    if (this.store === null) return this.json(response, 503, { error: "no state database" });
    const filter = {};
    const since = url.searchParams.get("since");
    const charger = url.searchParams.get("charger");
    if (since !== null) {
      const date = new Date(since);
      if (Number.isNaN(date.getTime())) return this.json(response, 400, { error: `since '${since}' is not a date` });
      filter.since = date.toISOString();
    }
    if (charger !== null) filter.charger = charger;
    const rows = this.store.sessions(filter).map((row) => ({ ...row, id_tag: this.maskTag(row.id_tag) }));
    if (format3 === "json") return this.json(response, 200, { sessions: rows });
    response.writeHead(200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="sessions.csv"' });
    response.end(sessionsCsv(rows));
  }
  /** Why a state-changing request is refused, or null: loopback or a password, same origin, JSON. */
  refuseChange(request, response, needsBody) {
    if (!this.commandsAllowed) {
      this.json(response, 403, { error: "commands need [web] username and password on a non-loopback address" });
      return true;
    }
    if (needsBody && !(request.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      this.json(response, 415, { error: "Content-Type must be application/json" });
      return true;
    }
    const origin = request.headers.origin;
    if (origin === void 0 || origin !== `http://${request.headers.host ?? ""}`) {
      this.json(response, 403, { error: "cross-origin request refused (Origin must be this server)" });
      return true;
    }
    return false;
  }
  /** The homeowner's override: POST {mode: block|allow|give, to?}, DELETE to clear. Persisted. */
  async override(request, response) {
    if (this.refuseChange(request, response, request.method === "POST")) return;
    let override = null;
    if (request.method === "POST") {
      let body;
      try {
        body = JSON.parse(await readBody(request));
      } catch (error) {
        return this.json(response, 400, { error: `body is not JSON: ${error.message}` });
      }
      if (body.mode !== "block" && body.mode !== "allow" && body.mode !== "give") return this.json(response, 400, { error: "mode must be block, allow or give" });
      const names = this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name));
      if (body.mode === "give" && (typeof body.to !== "string" || !names.includes(body.to))) {
        return this.json(response, 400, { error: `give needs "to": one of ${names.join(", ")}` });
      }
      override = { mode: body.mode, since: (/* @__PURE__ */ new Date()).toISOString(), ...body.mode === "give" ? { to: body.to } : {} };
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
  async command(chargerId, request, response) {
    if (this.refuseChange(request, response, true)) return;
    let body;
    try {
      body = JSON.parse(await readBody(request));
    } catch (error) {
      return this.json(response, 400, { error: `body is not JSON: ${error.message}` });
    }
    if (typeof body.action !== "string" || !/^[A-Za-z0-9]+$/.test(body.action) || typeof body.payload !== "object" || body.payload === null || Array.isArray(body.payload)) {
      return this.json(response, 400, { error: 'expected {"action": "Name", "payload": {\u2026}}' });
    }
    const session = this.proxy.sessions.get(chargerId);
    if (session === void 0 || session.isEnded) return this.json(response, 404, { error: `charger ${chargerId} is not connected` });
    this.logger.info(`web: ${body.action} sent to ${chargerId}`);
    try {
      const answer = await session.proxyCall(body.action, body.payload);
      this.json(response, 200, { result: answer.type, payload: answer.payload });
    } catch (error) {
      this.json(response, 504, { error: error.message });
    }
  }
  page(response, html) {
    response.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    });
    response.end(html);
  }
  json(response, status, body) {
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(body));
  }
};
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
    const body = await this.request("GET", `/api/states/${encodeURIComponent(entity)}`);
    if (typeof body.state !== "string") throw new Error(`${entity} has no state`);
    return body.state.toLowerCase();
  }
  async request(method, path, body) {
    const response = await fetch(`${this.config.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.config.token}`, "Content-Type": "application/json" },
      body: body === void 0 ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
};

// src/daemon.ts
var StartupError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
  }
};
var Daemon = class {
  config;
  loggers;
  messageLog;
  server;
  store = null;
  web = null;
  homeAssistant = null;
  port = 0;
  webPort = 0;
  constructor(config, loggers) {
    this.config = config;
    this.loggers = loggers;
    this.messageLog = new MessageLog(config.messageLogFile, loggers.proxy);
  }
  async start() {
    const upstreamTls = await loadUpstreamTls(this.config.upstreams);
    try {
      this.store = Store.open(this.config.statePath);
    } catch (error) {
      throw new StartupError("ERR_STORE", error.message);
    }
    const events = new ChargerEvents();
    if (this.config.homeAssistant.url !== null) this.homeAssistant = new HomeAssistantBridge(this.config.homeAssistant, this.loggers.proxy);
    const control = new ControlArbiter(
      this.config,
      () => this.homeAssistant?.verdict() ?? null,
      (charger, state) => events.emit({ event: "control_changed", charger, at: (/* @__PURE__ */ new Date()).toISOString(), holder: state.holder })
    );
    control.setOverride(loadOverride(this.store));
    wireSharing(events, control, this.homeAssistant, this.loggers.proxy);
    this.server = new ProxyServer(this.config, this.loggers, this.messageLog, { upstreamTls, listenerTls: await this.listenerTls(), store: this.store, events, control });
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
        this.loggers.proxy.error(`web monitor: cannot listen on ${this.config.web.host}:${this.config.web.port}: ${error.message}`);
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
  /** SIGTERM/SIGINT: chargers closed with 1001, log flushed. */
  async stop() {
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
    const target = previousLine.text;
    const targetTextWidth = mixin.stringWidth(target.trimRight());
    if (!previousLine.span) {
      return source;
    }
    if (!this.wrap) {
      previousLine.hidden = true;
      return target + source;
    }
    if (leadingWhitespace < targetTextWidth) {
      return source;
    }
    previousLine.hidden = true;
    return target.trimRight() + " ".repeat(leadingWhitespace - targetTextWidth) + source.trimLeft();
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
        const matches2 = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches2) {
          return [0, 0, 0];
        }
        let [colorString] = matches2;
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
  let visible = stringWidth2(stripAnsi(rows.at(-1)));
  for (const [index, character] of characters.entries()) {
    const characterLength = stringWidth2(character);
    if (visible + characterLength <= columns) {
      rows[rows.length - 1] += character;
    } else {
      rows.push(character);
      visible = 0;
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
    visible += characterLength;
    if (visible === columns && index < characters.length - 1) {
      rows.push("");
      visible = 0;
    }
  }
  if (!visible && rows.at(-1).length > 0 && rows.length > 1) {
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
      const key = typeof opt === "object" ? opt.key : opt;
      const assignment = Object.keys(opt).map(function(key2) {
        const arrayFlagKeys = {
          boolean: "bools",
          string: "strings",
          number: "numbers"
        };
        return arrayFlagKeys[key2];
      }).filter(Boolean).pop();
      if (assignment) {
        flags[assignment][key] = true;
      }
      flags.arrays[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.boolean || []).filter(Boolean).forEach(function(key) {
      flags.bools[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.string || []).filter(Boolean).forEach(function(key) {
      flags.strings[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.number || []).filter(Boolean).forEach(function(key) {
      flags.numbers[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.count || []).filter(Boolean).forEach(function(key) {
      flags.counts[key] = true;
      flags.keys.push(key);
    });
    [].concat(opts.normalize || []).filter(Boolean).forEach(function(key) {
      flags.normalize[key] = true;
      flags.keys.push(key);
    });
    if (typeof opts.narg === "object") {
      Object.entries(opts.narg).forEach(([key, value]) => {
        if (typeof value === "number") {
          flags.nargs[key] = value;
          flags.keys.push(key);
        }
      });
    }
    if (typeof opts.coerce === "object") {
      Object.entries(opts.coerce).forEach(([key, value]) => {
        if (typeof value === "function") {
          flags.coercions[key] = value;
          flags.keys.push(key);
        }
      });
    }
    if (typeof opts.config !== "undefined") {
      if (Array.isArray(opts.config) || typeof opts.config === "string") {
        ;
        [].concat(opts.config).filter(Boolean).forEach(function(key) {
          flags.configs[key] = true;
        });
      } else if (typeof opts.config === "object") {
        Object.entries(opts.config).forEach(([key, value]) => {
          if (typeof value === "boolean" || typeof value === "function") {
            flags.configs[key] = value;
          }
        });
      }
    }
    extendAliases(opts.key, aliases, opts.default, flags.arrays);
    Object.keys(defaults).forEach(function(key) {
      (flags.aliases[key] || []).forEach(function(alias) {
        defaults[alias] = defaults[key];
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
      let key;
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
          key = m[1];
          setArg(key, checkAllAliases(key, flags.arrays) ? [false] : false);
        }
      } else if (arg.match(/^--.+/) || !configuration["short-option-groups"] && arg.match(/^-[^-]+/)) {
        m = arg.match(/^--?(.+)/);
        if (m !== null && Array.isArray(m) && m.length >= 2) {
          key = m[1];
          if (checkAllAliases(key, flags.arrays)) {
            i = eatArray(i, key, args2);
          } else if (checkAllAliases(key, flags.nargs) !== false) {
            i = eatNargs(i, key, args2);
          } else {
            next = args2[i + 1];
            if (next !== void 0 && (!next.match(/^-/) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
              setArg(key, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key, next);
              i++;
            } else {
              setArg(key, defaultValue(key));
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
          key = m[1];
          if (next !== void 0 && !next.match(/^-/) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
            setArg(key, next);
            i++;
          } else {
            setArg(key, defaultValue(key));
          }
        }
      } else if (arg.match(/^-[^-]+/) && !arg.match(negative)) {
        letters = arg.slice(1, -1).split("");
        broken = false;
        for (let j = 0; j < letters.length; j++) {
          next = arg.slice(j + 2);
          if (letters[j + 1] && letters[j + 1] === "=") {
            value = arg.slice(j + 3);
            key = letters[j];
            if (checkAllAliases(key, flags.arrays)) {
              i = eatArray(i, key, args2, value);
            } else if (checkAllAliases(key, flags.nargs) !== false) {
              i = eatNargs(i, key, args2, value);
            } else {
              setArg(key, value);
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
        key = arg.slice(-1)[0];
        if (!broken && key !== "-") {
          if (checkAllAliases(key, flags.arrays)) {
            i = eatArray(i, key, args2);
          } else if (checkAllAliases(key, flags.nargs) !== false) {
            i = eatNargs(i, key, args2);
          } else {
            next = args2[i + 1];
            if (next !== void 0 && (!/^(-|--)[^-]/.test(next) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts)) {
              setArg(key, next);
              i++;
            } else if (/^(true|false)$/.test(next)) {
              setArg(key, next);
              i++;
            } else {
              setArg(key, defaultValue(key));
            }
          }
        }
      } else if (arg.match(/^-[0-9]$/) && arg.match(negative) && checkAllAliases(arg.slice(1), flags.bools)) {
        key = arg.slice(1);
        setArg(key, defaultValue(key));
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
    Object.keys(flags.counts).forEach(function(key) {
      if (!hasKey(argv, key.split(".")))
        setArg(key, 0);
    });
    if (notFlagsOption && notFlags.length)
      argv[notFlagsArgv] = [];
    notFlags.forEach(function(key) {
      argv[notFlagsArgv].push(key);
    });
    if (configuration["camel-case-expansion"] && configuration["strip-dashed"]) {
      Object.keys(argv).filter((key) => key !== "--" && key.includes("-")).forEach((key) => {
        delete argv[key];
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
    function eatNargs(i, key, args3, argAfterEqualSign) {
      let ii;
      let toEat = checkAllAliases(key, flags.nargs);
      toEat = typeof toEat !== "number" || isNaN(toEat) ? 1 : toEat;
      if (toEat === 0) {
        if (!isUndefined(argAfterEqualSign)) {
          error = Error(__("Argument unexpected for: %s", key));
        }
        setArg(key, defaultValue(key));
        return i;
      }
      let available = isUndefined(argAfterEqualSign) ? 0 : 1;
      if (configuration["nargs-eats-options"]) {
        if (args3.length - (i + 1) + available < toEat) {
          error = Error(__("Not enough arguments following: %s", key));
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
          error = Error(__("Not enough arguments following: %s", key));
      }
      let consumed = Math.min(available, toEat);
      if (!isUndefined(argAfterEqualSign) && consumed > 0) {
        setArg(key, argAfterEqualSign);
        consumed--;
      }
      for (ii = i + 1; ii < consumed + i + 1; ii++) {
        setArg(key, args3[ii]);
      }
      return i + consumed;
    }
    function eatArray(i, key, args3, argAfterEqualSign) {
      let argsToSet = [];
      let next = argAfterEqualSign || args3[i + 1];
      const nargsCount = checkAllAliases(key, flags.nargs);
      if (checkAllAliases(key, flags.bools) && !/^(true|false)$/.test(next)) {
        argsToSet.push(true);
      } else if (isUndefined(next) || isUndefined(argAfterEqualSign) && /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next)) {
        if (defaults[key] !== void 0) {
          const defVal = defaults[key];
          argsToSet = Array.isArray(defVal) ? defVal : [defVal];
        }
      } else {
        if (!isUndefined(argAfterEqualSign)) {
          argsToSet.push(processValue(key, argAfterEqualSign, true));
        }
        for (let ii = i + 1; ii < args3.length; ii++) {
          if (!configuration["greedy-arrays"] && argsToSet.length > 0 || nargsCount && typeof nargsCount === "number" && argsToSet.length >= nargsCount)
            break;
          next = args3[ii];
          if (/^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next))
            break;
          i = ii;
          argsToSet.push(processValue(key, next, inputIsString));
        }
      }
      if (typeof nargsCount === "number" && (nargsCount && argsToSet.length < nargsCount || isNaN(nargsCount) && argsToSet.length === 0)) {
        error = Error(__("Not enough arguments following: %s", key));
      }
      setArg(key, argsToSet);
      return i;
    }
    function setArg(key, val, shouldStripQuotes = inputIsString) {
      if (/-/.test(key) && configuration["camel-case-expansion"]) {
        const alias = key.split(".").map(function(prop) {
          return camelCase(prop);
        }).join(".");
        addNewAlias(key, alias);
      }
      const value = processValue(key, val, shouldStripQuotes);
      const splitKey = key.split(".");
      setKey(argv, splitKey, value);
      if (flags.aliases[key]) {
        flags.aliases[key].forEach(function(x) {
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
          if (!(flags.aliases[key] || []).includes(keyProperties.join("."))) {
            setKey(argv, keyProperties, value);
          }
        });
      }
      if (checkAllAliases(key, flags.normalize) && !checkAllAliases(key, flags.arrays)) {
        const keys = [key].concat(flags.aliases[key] || []);
        keys.forEach(function(key2) {
          Object.defineProperty(argvReturn, key2, {
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
    function addNewAlias(key, alias) {
      if (!(flags.aliases[key] && flags.aliases[key].length)) {
        flags.aliases[key] = [alias];
        newAliases[alias] = true;
      }
      if (!(flags.aliases[alias] && flags.aliases[alias].length)) {
        addNewAlias(alias, key);
      }
    }
    function processValue(key, val, shouldStripQuotes) {
      if (shouldStripQuotes) {
        val = stripQuotes(val);
      }
      if (checkAllAliases(key, flags.bools) || checkAllAliases(key, flags.counts)) {
        if (typeof val === "string")
          val = val === "true";
      }
      let value = Array.isArray(val) ? val.map(function(v) {
        return maybeCoerceNumber(key, v);
      }) : maybeCoerceNumber(key, val);
      if (checkAllAliases(key, flags.counts) && (isUndefined(value) || typeof value === "boolean")) {
        value = increment();
      }
      if (checkAllAliases(key, flags.normalize) && checkAllAliases(key, flags.arrays)) {
        if (Array.isArray(val))
          value = val.map((val2) => {
            return mixin2.normalize(val2);
          });
        else
          value = mixin2.normalize(val);
      }
      return value;
    }
    function maybeCoerceNumber(key, value) {
      if (!configuration["parse-positional-numbers"] && key === "_")
        return value;
      if (!checkAllAliases(key, flags.strings) && !checkAllAliases(key, flags.bools) && !Array.isArray(value)) {
        const shouldCoerceNumber = looksLikeNumber(value) && configuration["parse-numbers"] && Number.isSafeInteger(Math.floor(parseFloat(`${value}`)));
        if (shouldCoerceNumber || !isUndefined(value) && checkAllAliases(key, flags.numbers)) {
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
      Object.keys(config).forEach(function(key) {
        const value = config[key];
        const fullKey = prev ? prev + "." + key : key;
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
          const keys = envVar.split("__").map(function(key, i) {
            if (i === 0) {
              key = key.substring(prefix.length);
            }
            return camelCase(key);
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
      Object.keys(argv2).forEach(function(key) {
        if (!applied.has(key)) {
          coerce2 = checkAllAliases(key, flags.coercions);
          if (typeof coerce2 === "function") {
            try {
              const value = maybeCoerceNumber(key, coerce2(argv2[key]));
              [].concat(flags.aliases[key] || [], key).forEach((ali) => {
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
      flags.keys.forEach((key) => {
        if (~key.indexOf("."))
          return;
        if (typeof argv2[key] === "undefined")
          argv2[key] = void 0;
      });
      return argv2;
    }
    function applyDefaultsAndAliases(obj, aliases2, defaults2, canLog = false) {
      Object.keys(defaults2).forEach(function(key) {
        if (!hasKey(obj, key.split("."))) {
          setKey(obj, key.split("."), defaults2[key]);
          if (canLog)
            defaulted[key] = true;
          (aliases2[key] || []).forEach(function(x) {
            if (hasKey(obj, x.split(".")))
              return;
            setKey(obj, x.split("."), defaults2[key]);
          });
        }
      });
    }
    function hasKey(obj, keys) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key2) {
        o = o[key2] || {};
      });
      const key = keys[keys.length - 1];
      if (typeof o !== "object")
        return false;
      else
        return key in o;
    }
    function setKey(obj, keys, value) {
      let o = obj;
      if (!configuration["dot-notation"])
        keys = [keys.join(".")];
      keys.slice(0, -1).forEach(function(key2) {
        key2 = sanitizeKey(key2);
        if (typeof o === "object" && o[key2] === void 0) {
          o[key2] = {};
        }
        if (typeof o[key2] !== "object" || Array.isArray(o[key2])) {
          if (Array.isArray(o[key2])) {
            o[key2].push({});
          } else {
            o[key2] = [o[key2], {}];
          }
          o = o[key2][o[key2].length - 1];
        } else {
          o = o[key2];
        }
      });
      const key = sanitizeKey(keys[keys.length - 1]);
      const isTypeArray = checkAllAliases(keys.join("."), flags.arrays);
      const isValueArray = Array.isArray(value);
      let duplicate = configuration["duplicate-arguments-array"];
      if (!duplicate && checkAllAliases(key, flags.nargs)) {
        duplicate = true;
        if (!isUndefined(o[key]) && flags.nargs[key] === 1 || Array.isArray(o[key]) && o[key].length === flags.nargs[key]) {
          o[key] = void 0;
        }
      }
      if (value === increment()) {
        o[key] = increment(o[key]);
      } else if (Array.isArray(o[key])) {
        if (duplicate && isTypeArray && isValueArray) {
          o[key] = configuration["flatten-duplicate-arrays"] ? o[key].concat(value) : (Array.isArray(o[key][0]) ? o[key] : [o[key]]).concat([value]);
        } else if (!duplicate && Boolean(isTypeArray) === Boolean(isValueArray)) {
          o[key] = value;
        } else {
          o[key] = o[key].concat([value]);
        }
      } else if (o[key] === void 0 && isTypeArray) {
        o[key] = isValueArray ? value : [value];
      } else if (duplicate && !(o[key] === void 0 || checkAllAliases(key, flags.counts) || checkAllAliases(key, flags.bools))) {
        o[key] = [o[key], value];
      } else {
        o[key] = value;
      }
    }
    function extendAliases(...args3) {
      args3.forEach(function(obj) {
        Object.keys(obj || {}).forEach(function(key) {
          if (flags.aliases[key])
            return;
          flags.aliases[key] = [].concat(aliases[key] || []);
          flags.aliases[key].concat(key).forEach(function(x) {
            if (/-/.test(x) && configuration["camel-case-expansion"]) {
              const c = camelCase(x);
              if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                flags.aliases[key].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key].concat(key).forEach(function(x) {
            if (x.length > 1 && /[A-Z]/.test(x) && configuration["camel-case-expansion"]) {
              const c = decamelize(x, "-");
              if (c !== key && flags.aliases[key].indexOf(c) === -1) {
                flags.aliases[key].push(c);
                newAliases[c] = true;
              }
            }
          });
          flags.aliases[key].forEach(function(x) {
            flags.aliases[x] = [key].concat(flags.aliases[key].filter(function(y) {
              return x !== y;
            }));
          });
        });
      });
    }
    function checkAllAliases(key, flag) {
      const toCheck = [].concat(flags.aliases[key] || [], key);
      const keys = Object.keys(flag);
      const setAlias = toCheck.find((key2) => keys.includes(key2));
      return setAlias ? flag[setAlias] : false;
    }
    function hasAnyFlag(key) {
      const flagsKeys = Object.keys(flags);
      const toCheck = [].concat(flagsKeys.map((k) => flags[k]));
      return toCheck.some(function(flag) {
        return Array.isArray(flag) ? flag.includes(key) : flag[key];
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
    function defaultValue(key) {
      if (!checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) && `${key}` in defaults) {
        return defaults[key];
      } else {
        return defaultForType(guessType2(key));
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
    function guessType2(key) {
      let type = DefaultValuesForTypeKey.BOOLEAN;
      if (checkAllAliases(key, flags.strings))
        type = DefaultValuesForTypeKey.STRING;
      else if (checkAllAliases(key, flags.numbers))
        type = DefaultValuesForTypeKey.NUMBER;
      else if (checkAllAliases(key, flags.bools))
        type = DefaultValuesForTypeKey.BOOLEAN;
      else if (checkAllAliases(key, flags.arrays))
        type = DefaultValuesForTypeKey.ARRAY;
      return type;
    }
    function isUndefined(num3) {
      return num3 === void 0;
    }
    function checkConfiguration() {
      Object.keys(flags.counts).find((key) => {
        if (checkAllAliases(key, flags.arrays)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.array.", key));
          return true;
        } else if (checkAllAliases(key, flags.nargs)) {
          error = Error(__("Invalid configuration: %s, opts.count excludes opts.narg.", key));
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
  Object.keys(aliases).forEach(function(key) {
    aliasArrays.push([].concat(aliases[key], key));
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
function sanitizeKey(key) {
  if (key === "__proto__")
    return "___proto___";
  return key;
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
    for (const key in obj) {
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        this.cache[this.locale][key] = obj[key];
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
  getEnv: (key) => {
    return process.env[key];
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
      Object.keys(commandHandler.builder).forEach((key) => {
        innerYargs.option(key, builder[key]);
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
    for (const key of Object.keys(parseOptions.alias)) {
      options.alias[key] = (options.alias[key] || []).concat(parseOptions.alias[key]);
    }
    options.array = options.array.concat(parseOptions.array);
    options.config = {};
    const unparsed = [];
    Object.keys(positionalMap).forEach((key) => {
      positionalMap[key].map((value) => {
        if (options.configuration["unknown-options-as-args"])
          options.key[key] = true;
        unparsed.push(`--${key}`);
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
      Object.keys(positionalMap).forEach((key) => {
        positionalKeys.push(...parsed.aliases[key]);
      });
      Object.keys(parsed.argv).forEach((key) => {
        if (positionalKeys.includes(key)) {
          if (!positionalMap[key])
            positionalMap[key] = parsed.argv[key];
          if (!this.isInConfigs(yargs, key) && !this.isDefaulted(yargs, key) && Object.prototype.hasOwnProperty.call(argv, key) && Object.prototype.hasOwnProperty.call(parsed.argv, key) && (Array.isArray(argv[key]) || Array.isArray(parsed.argv[key]))) {
            argv[key] = [].concat(argv[key], parsed.argv[key]);
          } else {
            argv[key] = parsed.argv[key];
          }
        }
      });
    }
  }
  isDefaulted(yargs, key) {
    const { default: defaults } = yargs.getOptions();
    return Object.prototype.hasOwnProperty.call(defaults, key) || Object.prototype.hasOwnProperty.call(defaults, this.shim.Parser.camelCase(key));
  }
  isInConfigs(yargs, key) {
    const { configObjects } = yargs.getOptions();
    return configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, key)) || configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, this.shim.Parser.camelCase(key)));
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
      Object.keys(builder).forEach((key) => {
        yargs.option(key, builder[key]);
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
  objectKeys(original).forEach((key) => {
    if (filter(key, original[key])) {
      obj[key] = original[key];
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
    keys = Object.keys(keys.reduce((acc, key) => {
      if (key !== "_")
        acc[key] = true;
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
    keys = keys.filter((key) => !yargs.parsed.newAliases[key] && aliasKeys.every((alias) => (options.alias[alias] || []).indexOf(key) === -1));
    const defaultGroup = __("Options:");
    if (!groups[defaultGroup])
      groups[defaultGroup] = [];
    addUngroupedKeys(keys, options.alias, groups, defaultGroup);
    const isLongSwitch = (sw) => /^--/.test(getText(sw));
    const displayedGroups = Object.keys(groups).filter((groupName) => groups[groupName].length > 0).map((groupName) => {
      const normalizedKeys = groups[groupName].filter(filterHiddenOptions).map((key) => {
        if (aliasKeys.includes(key))
          return key;
        for (let i = 0, aliasKey; (aliasKey = aliasKeys[i]) !== void 0; i++) {
          if ((options.alias[aliasKey] || []).includes(key))
            return aliasKey;
        }
        return key;
      });
      return { groupName, normalizedKeys };
    }).filter(({ normalizedKeys }) => normalizedKeys.length > 0).map(({ groupName, normalizedKeys }) => {
      const switches = normalizedKeys.reduce((acc, key) => {
        acc[key] = [key].concat(options.alias[key] || []).map((sw) => {
          if (groupName === self.getPositionalGroupName())
            return sw;
          else {
            return (/^[0-9]$/.test(sw) ? options.boolean.includes(key) ? "-" : "--" : sw.length > 1 ? "--" : "-") + sw;
          }
        }).sort((sw1, sw2) => isLongSwitch(sw1) === isLongSwitch(sw2) ? 0 : isLongSwitch(sw1) ? 1 : -1).join(", ");
        return acc;
      }, {});
      return { groupName, normalizedKeys, switches };
    });
    const shortSwitchesUsed = displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).some(({ normalizedKeys, switches }) => !normalizedKeys.every((key) => isLongSwitch(switches[key])));
    if (shortSwitchesUsed) {
      displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).forEach(({ normalizedKeys, switches }) => {
        normalizedKeys.forEach((key) => {
          if (isLongSwitch(switches[key])) {
            switches[key] = addIndentation(switches[key], "-x, ".length);
          }
        });
      });
    }
    displayedGroups.forEach(({ groupName, normalizedKeys, switches }) => {
      ui2.div(groupName);
      normalizedKeys.forEach((key) => {
        const kswitch = switches[key];
        let desc = descriptions[key] || "";
        let type = null;
        if (desc.includes(deferY18nLookupPrefix))
          desc = __(desc.substring(deferY18nLookupPrefix.length));
        if (options.boolean.includes(key))
          type = `[${__("boolean")}]`;
        if (options.count.includes(key))
          type = `[${__("count")}]`;
        if (options.string.includes(key))
          type = `[${__("string")}]`;
        if (options.normalize.includes(key))
          type = `[${__("string")}]`;
        if (options.array.includes(key))
          type = `[${__("array")}]`;
        if (options.number.includes(key))
          type = `[${__("number")}]`;
        const deprecatedExtra = (deprecated) => typeof deprecated === "string" ? `[${__("deprecated: %s", deprecated)}]` : `[${__("deprecated")}]`;
        const extra = [
          key in deprecatedOptions ? deprecatedExtra(deprecatedOptions[key]) : null,
          type,
          key in demandedOptions ? `[${__("required")}]` : null,
          options.choices && options.choices[key] ? `[${__("choices:")} ${self.stringifiedValues(options.choices[key])}]` : null,
          defaultString(options.default[key], options.defaultDescription[key])
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
    (Object.keys(options.alias) || []).forEach((key) => {
      options.alias[key].forEach((alias) => {
        if (descriptions[alias])
          self.describe(key, descriptions[alias]);
        if (alias in demandedOptions)
          yargs.demandOption(key, demandedOptions[alias]);
        if (options.boolean.includes(alias))
          yargs.boolean(key);
        if (options.count.includes(alias))
          yargs.count(key);
        if (options.string.includes(alias))
          yargs.string(key);
        if (options.normalize.includes(alias))
          yargs.normalize(key);
        if (options.array.includes(alias))
          yargs.array(key);
        if (options.number.includes(alias))
          yargs.number(key);
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
    keys.forEach((key) => {
      toCheck = [key].concat(aliases[key]);
      if (!toCheck.some((k) => groupedKeys.indexOf(k) !== -1)) {
        groups[defaultGroup].push(key);
      }
    });
    return groupedKeys;
  }
  function filterHiddenOptions(key) {
    return yargs.getOptions().hiddenOptions.indexOf(key) < 0 || yargs.parsed.argv[yargs.getOptions().showHiddenOpt];
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
  self.reset = function reset(localLookup) {
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
      Object.keys(options.key).forEach((key) => {
        const negable = !!options.configuration["boolean-negation"] && options.boolean.includes(key);
        const isPositionalKey = positionalKeys.includes(key);
        if (!isPositionalKey && !options.hiddenOptions.includes(key) && !this.argsContainKey(args2, key, negable)) {
          this.completeOptionKey(key, completions, current, negable && !!options.default[key]);
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
  argsContainKey(args2, key, negable) {
    const argsContains = (s) => args2.indexOf((/^[^0-9]$/.test(s) ? "-" : "--") + s) !== -1;
    if (argsContains(key))
      return true;
    if (negable && argsContains(`no-${key}`))
      return true;
    if (this.aliases) {
      for (const alias of this.aliases[key]) {
        if (argsContains(alias))
          return true;
      }
    }
    return false;
  }
  completeOptionKey(key, completions, current, negable) {
    var _a2, _b2, _c2, _d;
    let keyWithDesc = key;
    if (this.zshShell || this.fishShell) {
      const descs = this.usage.getDescriptions();
      const aliasKey = (_b2 = (_a2 = this === null || this === void 0 ? void 0 : this.aliases) === null || _a2 === void 0 ? void 0 : _a2[key]) === null || _b2 === void 0 ? void 0 : _b2.find((alias) => {
        const desc2 = descs[alias];
        return typeof desc2 === "string" && desc2.length > 0;
      });
      const descFromAlias = aliasKey ? descs[aliasKey] : void 0;
      const desc = (_d = (_c2 = descs[key]) !== null && _c2 !== void 0 ? _c2 : descFromAlias) !== null && _d !== void 0 ? _d : "";
      const cleanedDesc = desc.replace("__yargsString__:", "").replace(/(\r\n|\n|\r)/gm, " ");
      if (this.fishShell) {
        keyWithDesc = `${key}	${cleanedDesc}`;
      } else {
        keyWithDesc = `${key.replace(/:/g, "\\:")}:${cleanedDesc}`;
      }
    }
    const startsByTwoDashes = (s) => /^--/.test(s);
    const isShortOption = (s) => /^[^0-9]$/.test(s);
    const dashes = !startsByTwoDashes(current) && isShortOption(key) ? "-" : "--";
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
    for (const key of Object.keys(demandedOptions)) {
      if (!Object.prototype.hasOwnProperty.call(argv, key) || typeof argv[key] === "undefined") {
        missing = missing || {};
        missing[key] = demandedOptions[key];
      }
    }
    if (missing) {
      const customMsgs = [];
      for (const key of Object.keys(missing)) {
        const msg = missing[key];
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
    Object.keys(argv).forEach((key) => {
      if (!specialKeys.includes(key) && !Object.prototype.hasOwnProperty.call(positionalMap, key) && !Object.prototype.hasOwnProperty.call(yargs.getInternalMethods().getParseContext(), key) && !self.isValidAndSomeAliasIsNotNew(key, aliases)) {
        unknown.push(key);
      }
    });
    if (checkPositionals && (currentContext.commands.length > 0 || commandKeys.length > 0 || isDefaultCommand)) {
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown.push("" + key);
        }
      });
    }
    if (checkPositionals) {
      const demandedCommands = yargs.getDemandedCommands();
      const maxNonOptDemanded = ((_a2 = demandedCommands._) === null || _a2 === void 0 ? void 0 : _a2.max) || 0;
      const expected = currentContext.commands.length + maxNonOptDemanded;
      if (expected < argv._.length) {
        argv._.slice(expected).forEach((key) => {
          key = String(key);
          if (!currentContext.commands.includes(key) && !unknown.includes(key)) {
            unknown.push(key);
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
      argv._.slice(currentContext.commands.length).forEach((key) => {
        if (!commandKeys.includes("" + key)) {
          unknown.push("" + key);
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
  self.isValidAndSomeAliasIsNotNew = function isValidAndSomeAliasIsNotNew(key, aliases) {
    if (!Object.prototype.hasOwnProperty.call(aliases, key)) {
      return false;
    }
    const newAliases = yargs.parsed.newAliases;
    return [key, ...aliases[key]].some((a) => !Object.prototype.hasOwnProperty.call(newAliases, a) || !newAliases[key]);
  };
  self.limitedChoices = function limitedChoices(argv) {
    const options = yargs.getOptions();
    const invalid = {};
    if (!Object.keys(options.choices).length)
      return;
    Object.keys(argv).forEach((key) => {
      if (specialKeys.indexOf(key) === -1 && Object.prototype.hasOwnProperty.call(options.choices, key)) {
        [].concat(argv[key]).forEach((value) => {
          if (options.choices[key].indexOf(value) === -1 && value !== void 0) {
            invalid[key] = (invalid[key] || []).concat(value);
          }
        });
      }
    });
    const invalidKeys = Object.keys(invalid);
    if (!invalidKeys.length)
      return;
    let msg = __("Invalid values:");
    invalidKeys.forEach((key) => {
      msg += `
  ${__("Argument: %s, Given: %s, Choices: %s", key, usage2.stringifiedValues(invalid[key]), usage2.stringifiedValues(options.choices[key]))}`;
    });
    usage2.fail(msg);
  };
  let implied = {};
  self.implies = function implies(key, value) {
    argsert("<string|object> [array|number|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.implies(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!implied[key]) {
        implied[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.implies(key, i));
      } else {
        assertNotStrictEqual(value, void 0, shim3);
        implied[key].push(value);
      }
    }
  };
  self.getImplied = function getImplied() {
    return implied;
  };
  function keyExists(argv, val) {
    const num3 = Number(val);
    val = isNaN(num3) ? val : num3;
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
    Object.keys(implied).forEach((key) => {
      const origKey = key;
      (implied[key] || []).forEach((value) => {
        let key2 = origKey;
        const origValue = value;
        key2 = keyExists(argv, key2);
        value = keyExists(argv, value);
        if (key2 && !value) {
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
  self.conflicts = function conflicts(key, value) {
    argsert("<string|object> [array|string]", [key, value], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        self.conflicts(k, key[k]);
      });
    } else {
      yargs.global(key);
      if (!conflicting[key]) {
        conflicting[key] = [];
      }
      if (Array.isArray(value)) {
        value.forEach((i) => self.conflicts(key, i));
      } else {
        conflicting[key].push(value);
      }
    }
  };
  self.getConflicting = () => conflicting;
  self.conflicting = function conflictingFn(argv) {
    Object.keys(argv).forEach((key) => {
      if (conflicting[key]) {
        conflicting[key].forEach((value) => {
          if (value && argv[key] !== void 0 && argv[value] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
          }
        });
      }
    });
    if (yargs.getInternalMethods().getParserConfiguration()["strip-dashed"]) {
      Object.keys(conflicting).forEach((key) => {
        conflicting[key].forEach((value) => {
          if (value && argv[shim3.Parser.camelCase(key)] !== void 0 && argv[shim3.Parser.camelCase(value)] !== void 0) {
            usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
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
  self.reset = function reset(localLookup) {
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
  const target = {};
  function isObject3(obj) {
    return obj && typeof obj === "object" && !Array.isArray(obj);
  }
  Object.assign(target, config1);
  for (const key of Object.keys(config2)) {
    if (key === "__proto__")
      continue;
    if (isObject3(config2[key]) && isObject3(target[key])) {
      target[key] = mergeDeep(config1[key], config2[key]);
    } else {
      target[key] = config2[key];
    }
  }
  return target;
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
  alias(key, value) {
    argsert("<object|string|array> [string|array]", [key, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.alias.bind(this), "alias", key, value);
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
  choices(key, value) {
    argsert("<object|string|array> [string|array]", [key, value], arguments.length);
    this[kPopulateParserHintArrayDictionary](this.choices.bind(this), "choices", key, value);
    return this;
  }
  coerce(keys, value) {
    argsert("<object|string|array> [function]", [keys, value], arguments.length);
    if (Array.isArray(keys)) {
      if (!value) {
        throw new YError("coerce callback must be provided");
      }
      for (const key of keys) {
        this.coerce(key, value);
      }
      return this;
    } else if (typeof keys === "object") {
      for (const key of Object.keys(keys)) {
        this.coerce(key, keys[key]);
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
      const argvKeys = [coerceKey, ...coerceKeyAliases].filter((key) => Object.prototype.hasOwnProperty.call(argv, key));
      if (argvKeys.length === 0) {
        return argv;
      }
      return maybeAsyncResult(() => {
        return value(argv[argvKeys[0]]);
      }, (result) => {
        argvKeys.forEach((key) => {
          argv[key] = result;
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
  config(key = "config", msg, parseFn) {
    argsert("[object|string] [string|function] [function]", [key, msg, parseFn], arguments.length);
    if (typeof key === "object" && !Array.isArray(key)) {
      key = applyExtends(key, __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(key);
      return this;
    }
    if (typeof msg === "function") {
      parseFn = msg;
      msg = void 0;
    }
    this.describe(key, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Path to JSON config file"));
    (Array.isArray(key) ? key : [key]).forEach((k) => {
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
  default(key, value, defaultDescription) {
    argsert("<object|string|array> [*] [string]", [key, value, defaultDescription], arguments.length);
    if (defaultDescription) {
      assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = defaultDescription;
    }
    if (typeof value === "function") {
      assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      if (!__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key])
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = __classPrivateFieldGet(this, _YargsInstance_usage, "f").functionDescription(value);
      value = value.call();
    }
    this[kPopulateParserHintSingleValueDictionary](this.default.bind(this), "default", key, value);
    return this;
  }
  defaults(key, value, defaultDescription) {
    return this.default(key, value, defaultDescription);
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
      max.forEach((key) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key, msg);
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
      keys.forEach((key) => {
        assertNotStrictEqual(msg, true, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        this.demandOption(key, msg);
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
        const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse)) {
          return parse.then(() => {
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
    __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName] = (existing || []).concat(opts).filter((key) => {
      if (seen[key])
        return false;
      return seen[key] = true;
    });
    return this;
  }
  hide(key) {
    argsert("<string>", [key], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_options, "f").hiddenOptions.push(key);
    return this;
  }
  implies(key, value) {
    argsert("<string|object> [number|string|array]", [key, value], arguments.length);
    __classPrivateFieldGet(this, _YargsInstance_validation, "f").implies(key, value);
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
  nargs(key, value) {
    argsert("<string|object|array> [number]", [key, value], arguments.length);
    this[kPopulateParserHintSingleValueDictionary](this.nargs.bind(this), "narg", key, value);
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
  option(key, opt) {
    argsert("<string|object> [object]", [key, opt], arguments.length);
    if (typeof key === "object") {
      Object.keys(key).forEach((k) => {
        this.options(k, key[k]);
      });
    } else {
      if (typeof opt !== "object") {
        opt = {};
      }
      this[kTrackManuallySetKeys](key);
      if (__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (key === "version" || (opt === null || opt === void 0 ? void 0 : opt.alias) === "version")) {
        this[kEmitWarning]([
          '"version" is a reserved word.',
          "Please do one of the following:",
          '- Disable version with `yargs.version(false)` if using "version" as an option',
          "- Use the built-in `yargs.version` method instead (if applicable)",
          "- Use a different option key",
          "https://yargs.js.org/docs/#api-reference-version"
        ].join("\n"), void 0, "versionWarning");
      }
      __classPrivateFieldGet(this, _YargsInstance_options, "f").key[key] = true;
      if (opt.alias)
        this.alias(key, opt.alias);
      const deprecate = opt.deprecate || opt.deprecated;
      if (deprecate) {
        this.deprecateOption(key, deprecate);
      }
      const demand = opt.demand || opt.required || opt.require;
      if (demand) {
        this.demand(key, demand);
      }
      if (opt.demandOption) {
        this.demandOption(key, typeof opt.demandOption === "string" ? opt.demandOption : void 0);
      }
      if (opt.conflicts) {
        this.conflicts(key, opt.conflicts);
      }
      if ("default" in opt) {
        this.default(key, opt.default);
      }
      if (opt.implies !== void 0) {
        this.implies(key, opt.implies);
      }
      if (opt.nargs !== void 0) {
        this.nargs(key, opt.nargs);
      }
      if (opt.config) {
        this.config(key, opt.configParser);
      }
      if (opt.normalize) {
        this.normalize(key);
      }
      if (opt.choices) {
        this.choices(key, opt.choices);
      }
      if (opt.coerce) {
        this.coerce(key, opt.coerce);
      }
      if (opt.group) {
        this.group(key, opt.group);
      }
      if (opt.boolean || opt.type === "boolean") {
        this.boolean(key);
        if (opt.alias)
          this.boolean(opt.alias);
      }
      if (opt.array || opt.type === "array") {
        this.array(key);
        if (opt.alias)
          this.array(opt.alias);
      }
      if (opt.number || opt.type === "number") {
        this.number(key);
        if (opt.alias)
          this.number(opt.alias);
      }
      if (opt.string || opt.type === "string") {
        this.string(key);
        if (opt.alias)
          this.string(opt.alias);
      }
      if (opt.count || opt.type === "count") {
        this.count(key);
      }
      if (typeof opt.global === "boolean") {
        this.global(key, opt.global);
      }
      if (opt.defaultDescription) {
        __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = opt.defaultDescription;
      }
      if (opt.skipValidation) {
        this.skipValidation(key);
      }
      const desc = opt.describe || opt.description || opt.desc;
      const descriptions = __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions();
      if (!Object.prototype.hasOwnProperty.call(descriptions, key) || typeof desc === "string") {
        this.describe(key, desc);
      }
      if (opt.hidden) {
        this.hide(key);
      }
      if (opt.requiresArg) {
        this.requiresArg(key);
      }
    }
    return this;
  }
  options(key, opt) {
    return this.option(key, opt);
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
  pkgConf(key, rootPath) {
    argsert("<string> [string]", [key, rootPath], arguments.length);
    let conf = null;
    const obj = this[kPkgUp](rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"));
    if (obj[key] && typeof obj[key] === "object") {
      conf = applyExtends(obj[key], rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || false, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
      __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(conf);
    }
    return this;
  }
  positional(key, opts) {
    argsert("<string> <object>", [key, opts], arguments.length);
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
        if (parseOption.indexOf(key) !== -1)
          opts[pk] = true;
      } else {
        if (parseOption[key] && !(pk in opts))
          opts[pk] = parseOption[key];
      }
    });
    this.group(key, __classPrivateFieldGet(this, _YargsInstance_usage, "f").getPositionalGroupName());
    return this.option(key, opts);
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
        const parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, true);
        if (isPromise(parse)) {
          parse.then(() => {
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
      if (/* @__PURE__ */ ((key) => key === "configObjects")(hintKey))
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
    keys.forEach((key) => {
      key = this[kSanitizeKey](key);
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type].push(key);
    });
  }
  [kPopulateParserHintSingleValueDictionary](builder, type, key, value) {
    this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = value2;
    });
  }
  [kPopulateParserHintArrayDictionary](builder, type, key, value) {
    this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
      __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] || []).concat(value2);
    });
  }
  [kPopulateParserHintDictionary](builder, type, key, value, singleKeyHandler) {
    if (Array.isArray(key)) {
      key.forEach((k) => {
        builder(k, value);
      });
    } else if (/* @__PURE__ */ ((key2) => typeof key2 === "object")(key)) {
      for (const k of objectKeys(key)) {
        builder(k, key[k]);
      }
    } else {
      singleKeyHandler(type, this[kSanitizeKey](key), value);
    }
  }
  [kSanitizeKey](key) {
    if (key === "__proto__")
      return "___proto___";
    return key;
  }
  [kSetKey](key, set) {
    this[kPopulateParserHintSingleValueDictionary](this[kSetKey].bind(this), "key", key, set);
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
      const keys = __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName].filter((key) => !(key in localLookup));
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
    Object.keys(argv).forEach((key) => {
      if (key === __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && argv[key]) {
        helpOptSet = true;
      } else if (key === __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && argv[key]) {
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
      ].some((key) => Object.prototype.hasOwnProperty.call(argv, key)) : false;
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
        skipValidation = Object.keys(argv).some((key) => __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.indexOf(key) >= 0 && argv[key] === true);
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
  return y.option("config", { alias: "c", type: "string", describe: "INI file (default ./ocpp-2w-proxy.ini if it exists)" }).option("listen-host", { type: "string", describe: "charger listener address [host] addr (default 0.0.0.0)" }).option("listen-port", { type: "string", describe: "charger listener port [host] port (default 8888)" }).option("target-host", { type: "string", describe: "primary at ws://HOST:PORT (Wallbox-EVCC-Proxy style)" }).option("target-port", { type: "string", describe: "port for --target-host (default 8887)" }).option("primary", { type: "string", describe: "primary upstream base URL [ext-server] server" }).option("secondary", { type: "string", describe: "secondary upstream base URL, repeatable [ext-server] secondary_server" }).option("web-host", { type: "string", describe: "web monitor address [web] host (default 127.0.0.1)" }).option("web-port", { type: "string", describe: "web monitor port, 0 = off [web] port (default 8889)" }).option("log-file", { type: "string", describe: "message log file [messages] file (default ./ocpp_messages.log)" }).option("log-level", { type: "string", describe: "DEBUG, INFO, WARNING or ERROR [logging] proxy (default INFO)" }).option("state", { type: "string", describe: "SQLite state file [store] path (default ./ocpp-proxy.db)" }).option("debug", { type: "boolean", describe: "same as --log-level DEBUG" });
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
    logLevel: last(argv.logLevel),
    state: last(argv.state),
    debug: argv.debug === true
  };
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
    process.stderr.write(`ocpp-proxy: ${usageError} (see ocpp-proxy --help)
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
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
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
      entry = JSON.parse(text3);
      if (typeof entry !== "object" || entry === null || typeof entry.raw !== "string" || typeof entry.ts !== "string") throw new Error("not a message log entry");
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
    const hop = `${e.from} \u2192 ${e.to}`;
    const hopColour = e.type === "INVALID" ? p.gray(hop) : e.from === "charger" ? p.blue(hop) : e.to === "charger" ? p.green(hop) : p.magenta(hop);
    const type = e.type === "CALLERROR" || e.type === "INVALID" ? p.red(e.type) : e.type === "CALL" ? p.bold(e.type) : e.type;
    const tags = e.tags.length > 0 ? ` ${p.yellow(`[${e.tags.join(",")}]`)}` : "";
    const head = `${p.dim(e.ts.replace("T", " ").slice(0, 23))} ${p.cyan(e.charger)} ${hopColour} ${type} ${e.action ?? ""} ${p.dim(e.id ?? "")}${tags}`;
    if (this.options.raw) return `${head}
  ${e.raw}`;
    if (!this.options.payload) return head;
    return `${head}
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
    const key = `${e.charger}|${e.id}|${e.to}|${e.from}`;
    const call = this.open.get(key);
    if (call === void 0) {
      this.out.write(`${this.format(e)}
`);
      return;
    }
    this.open.delete(key);
    const ms = Date.parse(e.ts) - Date.parse(call.ts);
    const p = this.paint;
    const result = e.type === "CALLERROR" ? p.red("error") : "ok";
    let text3 = `${p.dim(call.ts.replace("T", " ").slice(0, 23))} ${p.cyan(call.charger)} ${call.from} \u2192 ${call.to} ${p.bold(call.action ?? "?")} ${result} ${p.yellow(`${ms} ms`)}`;
    if (this.options.payload) text3 += `
  ${payloadText(call)}
  \u21D2 ${payloadText(e)}`;
    this.out.write(`${text3}
`);
  }
};
function payloadText(e) {
  try {
    const frame = JSON.parse(e.raw);
    const payload = e.type === "CALL" || e.type === "SEND" ? frame[3] : e.type === "CALLRESULT" ? frame[2] : frame.slice(2);
    return JSON.stringify(payload);
  } catch {
    return JSON.stringify(e.raw);
  }
}
async function printLogs(options, input, out, err) {
  const printer = new LogPrinter(options, out, err);
  if (options.file === "-") return readLines(input, printer);
  let source = createReadStream(options.file);
  if (options.file.endsWith(".gz")) source = source.pipe(createGunzip());
  await readLines(source, printer);
  if (!options.follow || options.file.endsWith(".gz")) return;
  await follow(options.file, printer);
}
function readLines(source, printer) {
  return new Promise((resolve6, reject) => {
    const lines = createInterface({ input: source, crlfDelay: Infinity });
    lines.on("line", (line) => printer.line(line));
    lines.on("close", () => resolve6());
    source.on("error", reject);
  });
}
async function follow(path, printer) {
  let position = (await stat(path)).size;
  let inode = (await stat(path)).ino;
  let partial = "";
  for (; ; ) {
    await new Promise((resolve6) => setTimeout(resolve6, 250));
    let info;
    try {
      info = await stat(path);
    } catch {
      continue;
    }
    if (info.ino !== inode || info.size < position) {
      inode = info.ino;
      position = 0;
      partial = "";
    }
    if (info.size === position) continue;
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(info.size - position);
      await handle.read(buffer, 0, buffer.length, position);
      position = info.size;
      const text3 = partial + buffer.toString("utf8");
      const lines = text3.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) printer.line(line);
    } finally {
      await handle.close();
    }
  }
}

// src/config/warnings.ts
var NO_BACKEND_WARNING = "no backend configured: the built-in local CSMS answers and accepts every tag";
function noBackend(config) {
  return config.upstreams.every((upstream) => upstream.local);
}
function configWarnings(config) {
  const warnings = [];
  if (noBackend(config)) warnings.push(`${NO_BACKEND_WARNING}; set [ext-server] server (and secondary_server) to your backends`);
  warnings.push(...controlWarnings(config));
  return warnings;
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
function readerOptions(options, installedConfig = INSTALLED_CONFIG_FILE) {
  if (options.config !== void 0 || existsSync2(DEFAULT_CONFIG_FILE) || !existsSync2(installedConfig)) return options;
  return { ...options, config: installedConfig };
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
    process.stdout.write(addonIni(JSON.parse(readFileSync5(optionsFile, "utf8")), dirname3(resolve5(optionsFile))));
    return 0;
  } catch (error) {
    process.stderr.write(`ocpp-proxy: add-on options ${optionsFile}: ${error.message}
`);
    return 2;
  }
}
async function hashPasswordCommand() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (password === "") {
    process.stderr.write("ocpp-proxy: hash-password reads the password from standard input, e.g. `echo -n secret | ocpp-proxy hash-password`\n");
    return 2;
  }
  process.stdout.write(`${await hashPassword(password)}
`);
  return 0;
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
runCli(args, { run, check, hashPassword: hashPasswordCommand, sessions, logs, haAddonIni, demo: runDemo }).then(
  (code) => {
    process.exit(code);
  },
  (error) => {
    process.stderr.write(`ocpp-proxy: ${error.message}
`);
    process.exit(1);
  }
);
