#!/bin/sh
# Prints a config.toml for a gencorpus.py site (its pages carry only a title
# of the required fields). usage: config.sh [BASEURL]
cat <<TOML
baseURL = "${1:-http://127.0.0.1/}"
title = "Playbook hub"
[taxonomies]
tag = "tags"
team = "teams"
[types.playbook]
required = ["title"]
[types.case-study]
required = ["title"]
[types.guide]
required = ["title"]
TOML
