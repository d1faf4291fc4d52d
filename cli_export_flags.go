package main

// exportFlags are herald export's options as the command line gives them.
// The CLI layer fills it; runExportQuery turns it into an export query.
type exportFlags struct {
	Leaders, Countries []string
	Feed               string
	Tags               []string
	Since, Until       string
	Unread, Starred    bool
	Search             string
	Format             string // markdown (default), json, csv
	Group              string // article (default) or speaker
	Out                string // "" (stdout when not a terminal, else a file), "-" or a path
}
