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
//
// Inoreader's Google Reader API also wants the application's id and key
// (from its developer page): app_id, and the key in app_key_env,
// app_key_command, or app_key in clear text.
type SourceConfig struct {
	Name            string `toml:"name"`
	Type            string `toml:"type"`
	URL             string `toml:"url"`
	Username        string `toml:"username"`
	Token           string `toml:"token"`
	PasswordEnv     string `toml:"password_env"`
	PasswordCommand string `toml:"password_command"`
	AppID           string `toml:"app_id"`
	AppKey          string `toml:"app_key"`
	AppKeyEnv       string `toml:"app_key_env"`
	AppKeyCommand   string `toml:"app_key_command"`
}

// hasAppKey says whether the source names an app key in any of three ways.
func (s SourceConfig) hasAppKey() bool {
	return s.AppKey != "" || s.AppKeyEnv != "" || s.AppKeyCommand != ""
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
		case s.Type != feedsync.TypeGReader && (s.AppID != "" || s.hasAppKey()):
			return bad(`app_id and app_key are for type "greader" (Inoreader)`)
		case (s.AppKey != "" && (s.AppKeyEnv != "" || s.AppKeyCommand != "")) || (s.AppKeyEnv != "" && s.AppKeyCommand != ""):
			return bad("set one of app_key, app_key_env and app_key_command")
		case s.AppID != "" && !s.hasAppKey():
			return bad("app_id needs its key: app_key_env, app_key_command or app_key")
		case s.AppID == "" && s.hasAppKey():
			return bad("an app key needs its app_id")
		}
		for _, c := range [][2]string{{"password_command", s.PasswordCommand}, {"app_key_command", s.AppKeyCommand}} {
			if c[1] == "" {
				continue
			}
			if _, err := cmdline.Split(c[1]); err != nil {
				return bad(c[0] + ": " + err.Error())
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
	if s.AppID != "" {
		cfg.AppID = s.AppID
		cfg.AppKey = func(ctx context.Context) (string, error) {
			if s.AppKey != "" {
				return s.AppKey, nil
			}
			return readSecret(ctx, "app_key", s.AppKeyEnv, s.AppKeyCommand)
		}
	}
	return feedsync.New(cfg)
}

// secret reads the source's password from its environment variable or
// command (run without a shell; its first line counts).
func (s SourceConfig) secret(ctx context.Context) (string, error) {
	return readSecret(ctx, "password", s.PasswordEnv, s.PasswordCommand)
}

// readSecret reads a secret from the environment variable env when set,
// else from the output of command; key names the config keys
// (key_env, key_command) in errors.
func readSecret(ctx context.Context, key, env, command string) (string, error) {
	if env != "" {
		v, ok := os.LookupEnv(env)
		if !ok || v == "" {
			return "", fmt.Errorf("environment variable %s (%s_env) is not set", env, key)
		}
		return v, nil
	}
	args, err := cmdline.Split(command)
	if err != nil {
		return "", fmt.Errorf("%s_command: %w", key, err)
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
			return "", fmt.Errorf("%s_command %q failed: %v: %s", key, command, err, msg)
		}
		return "", fmt.Errorf("%s_command %q failed: %v", key, command, err)
	}
	line, _, _ := strings.Cut(string(out), "\n")
	line = strings.TrimRight(line, "\r")
	if line == "" {
		return "", fmt.Errorf("%s_command %q printed nothing", key, command)
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
