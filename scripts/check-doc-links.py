#!/usr/bin/env python3
"""Checks that every relative link (and #anchor) in every .md file of the work tree resolves to a file (heading).

Usage: scripts/check-doc-links.py [ROOT]   (ROOT: the work tree, by default the current directory)
"""
import os, re, subprocess, sys
root = sys.argv[1] if len(sys.argv) > 1 else '.'
files = subprocess.run(['git', '-C', root, 'ls-files', '--cached', '--others', '--exclude-standard', '*.md'],
                       capture_output=True, text=True, check=True).stdout.split()
link = re.compile(r'(?<!!)\[(?:[^\]]|\][^(])*?\]\(([^)\s]+)\)')
def slugs(path):
    out, fence = set(), False
    for l in open(path, encoding='utf-8'):
        if l.startswith('```'): fence = not fence
        if fence or not l.startswith('#'): continue
        t = l.lstrip('#').strip().lower()
        t = re.sub(r'[^\w\- ]', '', t).replace(' ', '-')
        out.add(t)
    return out
bad = n = 0
for f in files:
    fence = False
    for i, l in enumerate(open(os.path.join(root, f), encoding='utf-8'), 1):
        if l.startswith('```'): fence = not fence
        if fence: continue
        for m in link.finditer(re.sub(r'`[^`]*`', '``', l)):
            target = m.group(1)
            if re.match(r'[a-z]+:', target): continue
            n += 1
            path, _, anchor = target.partition('#')
            full = os.path.normpath(os.path.join(root, os.path.dirname(f), path)) if path else os.path.join(root, f)
            if not os.path.exists(full):
                print(f'{f}:{i}: {target}: no such file'); bad += 1
            elif anchor and (not full.endswith('.md') or anchor not in slugs(full)):
                print(f'{f}:{i}: {target}: no such anchor'); bad += 1
print(f'{n} relative links, {bad} broken'); sys.exit(1 if bad else 0)
