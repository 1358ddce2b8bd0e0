#!/usr/bin/env python3
"""Serves a directory on a loopback port as a static web server does, for bench/startup-maven.sh.

Every file is answered with an ETag and a Last-Modified, and a conditional GET that matches either
with 304 Not Modified; a missing file with 404. Writes the port to PORT_FILE once listening, then
serves until killed. Appends one line per request, "STATUS PATH", to LOG_FILE.
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
args = parser.parse_args()
root = os.path.abspath(args.root)
lock = threading.Lock()


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
            with open(path, "rb") as f:
                body = f.read()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            last_modified = email.utils.formatdate(os.path.getmtime(path), usegmt=True)
            unchanged = (self.headers.get("If-None-Match") == etag
                         or self.headers.get("If-Modified-Since") == last_modified)
            status = 304 if unchanged else 200
            self.send_response(status)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Content-Length", "0" if unchanged else str(len(body)))
            self.end_headers()
            if not unchanged:
                self.wfile.write(body)
        with lock, open(args.log_file, "a") as log:
            log.write(f"{status} {self.path}\n")

    def log_message(self, *_):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(args.port_file + ".tmp", "w") as f:
    f.write(f"{server.server_address[1]}\n")
os.replace(args.port_file + ".tmp", args.port_file)
server.serve_forever()
