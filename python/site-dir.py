"""Prints the interpreter's own site directory when meson's is not searched.

usage: site-dir.py MESON_INSTALL_DIR PREFIX

Prints nothing when MESON_INSTALL_DIR is on sys.path, or when the default
scheme's platlib is not under PREFIX or not on sys.path either.
"""
import os
import sys
import sysconfig

meson_dir, prefix = (os.path.normpath(a) for a in sys.argv[1:])
searched = [os.path.normpath(p) for p in sys.path if p]
platlib = os.path.normpath(sysconfig.get_path("platlib"))
if meson_dir not in searched and platlib.startswith(prefix + os.sep) and platlib in searched:
    print(platlib)
