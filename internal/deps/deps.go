package main
import (
 _ "github.com/yuin/goldmark"
 _ "github.com/alecthomas/chroma/v2"
 _ "github.com/fsnotify/fsnotify"
 _ "github.com/BurntSushi/toml"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/rogpeppe/go-internal/testscript"
 _ "github.com/chromedp/chromedp"
 _ "golang.org/x/net/html"
 _ "github.com/kljensen/snowball"
 _ "golang.org/x/text/unicode/norm"
)
func main(){}
