package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	feedsync "github.com/herald-reader/herald/feeds/sync"
	"github.com/herald-reader/herald/internal/cmdline"
)

// SourceConfig is one [[sources]] entry: an aggregator herald syncs with.
// The secret (a password, or a Miniflux API token when there is no
// username) comes from password_env or password_command; token may hold a
// Miniflux token in clear text, for those who accept that.
type SourceConfig struct {
	Name            string `toml:"name"`
	Type            string `toml:"type"`
	URL             string `toml:"url"`
	Username        string `toml:"username"`
	Token           string `toml:"token"`
	PasswordEnv     string `toml:"password_env"`
	PasswordCommand string `toml:"password_command"`
}

// validateSources checks [[sources]]; errors point at the source's line.
func (lc *LoadedConfig) validateSources(data []byte) error {
	seen := map[string]bool{}
	for i, s := range lc.Sources {
		at := s.Name
		if at == "" {
			at = s.URL
		}
		bad := func(msg string) error {
			line, col := findKey(data, at)
			if at == "" {
				line, col = findKey(data, "[[sources]]")
			}
			return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: fmt.Sprintf("sources[%d] %q: %s", i, s.Name, msg)}
		}
		switch {
		case strings.TrimSpace(s.Name) == "":
			return bad("name is empty (every source needs a name)")
		case seen[s.Name]:
			return bad("the name is used twice")
		case s.Type != feedsync.TypeMiniflux && s.Type != feedsync.TypeGReader:
			return bad(fmt.Sprintf("type must be %q or %q", feedsync.TypeMiniflux, feedsync.TypeGReader))
		case s.PasswordEnv != "" && s.PasswordCommand != "":
			return bad("set password_env or password_command, not both")
		case s.Type == feedsync.TypeGReader && (s.Username == "" || (s.PasswordEnv == "" && s.PasswordCommand == "")):
			return bad("greader needs username, and password_env or password_command")
		case s.Type == feedsync.TypeMiniflux && s.Token == "" && s.PasswordEnv == "" && s.PasswordCommand == "":
			return bad("miniflux needs token, password_env or password_command")
		}
		if s.PasswordCommand != "" {
			if _, err := cmdline.Split(s.PasswordCommand); err != nil {
				return bad("password_command: " + err.Error())
			}
		}
		seen[s.Name] = true
		if _, err := s.source(0); err != nil {
			return bad(err.Error())
		}
	}
	return nil
}

// source builds the syncing side of a [[sources]] entry. The secret is
// read when a sync first needs it, so a password command runs only then.
func (s SourceConfig) source(timeout time.Duration) (*feedsync.Source, error) {
	cfg := feedsync.Config{Name: s.Name, Type: s.Type, URL: s.URL, Username: s.Username, Token: s.Token, Timeout: timeout}
	if s.PasswordEnv != "" || s.PasswordCommand != "" {
		cfg.Password = s.secret
		// Miniflux without a username: the secret is an API token.
		cfg.TokenFromPassword = s.Type == feedsync.TypeMiniflux && s.Username == "" && s.Token == ""
	}
	return feedsync.New(cfg)
}

// secret reads the source's password from its environment variable or
// command (run without a shell; its first line counts).
func (s SourceConfig) secret(ctx context.Context) (string, error) {
	if s.PasswordEnv != "" {
		v, ok := os.LookupEnv(s.PasswordEnv)
		if !ok || v == "" {
			return "", fmt.Errorf("environment variable %s (password_env) is not set", s.PasswordEnv)
		}
		return v, nil
	}
	args, err := cmdline.Split(s.PasswordCommand)
	if err != nil {
		return "", fmt.Errorf("password_command: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		if msg != "" {
			return "", fmt.Errorf("password_command %q failed: %v: %s", s.PasswordCommand, err, msg)
		}
		return "", fmt.Errorf("password_command %q failed: %v", s.PasswordCommand, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	line = strings.TrimRight(line, "\r")
	if line == "" {
		return "", fmt.Errorf("password_command %q printed nothing", s.PasswordCommand)
	}
	return line, nil
}

// sources builds every configured source.
func (lc *LoadedConfig) sources() ([]*feedsync.Source, error) {
	out := make([]*feedsync.Source, 0, len(lc.Sources))
	for _, sc := range lc.Sources {
		s, err := sc.source(lc.Fetch.Timeout.Duration)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// sourceNames lists the configured sources' names.
func (lc *LoadedConfig) sourceNames() []string {
	names := make([]string, len(lc.Sources))
	for i, s := range lc.Sources {
		names[i] = s.Name
	}
	return names
}
