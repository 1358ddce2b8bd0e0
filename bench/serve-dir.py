#!/usr/bin/env python3
"""Serves a directory on loopback ports as a static web server does, for the bench/ scripts.

Every file is answered with an ETag and a Last-Modified, and a conditional GET that matches either
with 304 Not Modified; a missing file with 404. Serves on COUNT ports (default 1: one per pretend
author), writes them, one a line, to PORT_FILE once all listen, then serves until killed. Appends
one line per request, "STATUS PATH", to LOG_FILE.
"""
import argparse
import email.utils
import hashlib
import http.server
import os
import threading

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--port-file", required=True)
parser.add_argument("--log-file", required=True)
parser.add_argument("--count", type=int, default=1)
args = parser.parse_args()
root = os.path.abspath(args.root)
lock = threading.Lock()
# Path to (mtime, body, etag): a file is read and hashed again only when it changes.
files = {}


def load(path):
    mtime = os.path.getmtime(path)
    with lock:
        known = files.get(path)
    if known and known[0] == mtime:
        return known
    with open(path, "rb") as f:
        body = f.read()
    entry = (mtime, body, '"' + hashlib.sha256(body).hexdigest()[:16] + '"')
    with lock:
        files[path] = entry
    return entry


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = os.path.normpath(os.path.join(root, self.path.split("?")[0].lstrip("/")))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            status = 404
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            mtime, body, etag = load(path)
            last_modified = email.utils.formatdate(mtime, usegmt=True)
            unchanged = (self.headers.get("If-None-Match") == etag
                         or self.headers.get("If-Modified-Since") == last_modified)
            status = 304 if unchanged else 200
            self.send_response(status)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            if path.endswith(".jar"):
                self.send_header("Content-Type", "application/java-archive")
            self.send_header("Content-Length", "0" if unchanged else str(len(body)))
            self.end_headers()
            if not unchanged:
                self.wfile.write(body)
        with lock, open(args.log_file, "a") as log:
            log.write(f"{status} {self.path}\n")

    def log_message(self, *_):
        pass


servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(args.count)]
for server in servers:
    threading.Thread(target=server.serve_forever, daemon=True).start()
with open(args.port_file + ".part", "w") as out:
    out.write("".join(f"{s.server_address[1]}\n" for s in servers))
os.replace(args.port_file + ".part", args.port_file)
threading.Event().wait()
