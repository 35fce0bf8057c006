// Generated from themes/*.toml; ThemeFilesTests checks the two stay identical.
// Built in so an installed binary has its themes without a resource bundle.

extension ThemeLoader {
    /// The shipped themes, in the order `t` cycles through them.
    public static let builtinSources: [(name: String, toml: String)] = [
        ("dark", #"""
# Squint dark theme: for terminals with a dark background (`theme = "auto"` picks it there).
# Ordinary text is the terminal's own colours; accents read on a dark background and stay legible on a light one;
# everything with a background of its own (titles, selection, status, dialogs) is a full fg+bg pair.
# Colours: "default", a name (red, bright-blue, ...), a palette index 0-255, or "#rrggbb".
# On 256-colour terminals "#rrggbb" is mapped to the nearest palette entry; on truecolor ones it is exact.
name = "dark"
background = "dark"
palette = ["#ff5f5f", "#5fd75f", "#5fafff", "#ffd75f", "#d787ff", "#5fd7d7", "#ff8700", "#ff87af", "#afd700", "#87afff"]

[styles]
text = {}
dim = { fg = "#808080" }
border = { fg = "#585858" }
border-focused = { fg = "#5f87ff", bold = true }
title = { fg = "#ffffff", bg = "#3a3a3a", bold = true }
title-focused = { fg = "#000000", bg = "#5f87ff", bold = true }
selection = { fg = "#000000", bg = "#5f87ff" }
selection-inactive = { fg = "#d0d0d0", bg = "#3a3a3a" }
directory = { fg = "#5f87ff", bold = true }
marked = { fg = "#d78700", bold = true }
answered = { fg = "#00af00" }
pending = { fg = "#d78700" }
accepted = { fg = "#00af00" }
rejected = { fg = "#ff5f5f" }
status = { fg = "#d0d0d0", bg = "#262626" }
status-error = { fg = "#ffffff", bg = "#870000", bold = true }
status-busy = { fg = "#ffd75f", bg = "#262626", bold = true }
prompt = {}
prompt-label = { fg = "#5f87ff", bold = true }
heading = { fg = "#d78700", bold = true }
bold = { bold = true }
code = { fg = "#00afaf" }
bullet = { fg = "#5f87ff" }
quote = { fg = "#8a8a8a" }
help-key = { fg = "#ffd75f", bg = "#303030", bold = true }
dialog = { fg = "#ffffff", bg = "#303030" }
match = { fg = "#000000", bg = "#d78700", bold = true }
"""#),
        ("light", #"""
# Squint light theme: for terminals with a white or cream background (`theme = "auto"` picks it there).
# Ordinary text is the terminal's own colours; accents read on a light background and stay legible on a dark one;
# everything with a background of its own (titles, selection, status, dialogs) is a full fg+bg pair.
name = "light"
background = "light"
palette = ["#d70000", "#008700", "#005fd7", "#af8700", "#8700af", "#008787", "#d75f00", "#d7005f", "#5f8700", "#0000af"]

[styles]
text = {}
dim = { fg = "#6c6c6c" }
border = { fg = "#a8a8a8" }
border-focused = { fg = "#005fd7", bold = true }
title = { fg = "#000000", bg = "#d0d0d0", bold = true }
title-focused = { fg = "#ffffff", bg = "#005fd7", bold = true }
selection = { fg = "#ffffff", bg = "#005fd7" }
selection-inactive = { fg = "#000000", bg = "#d0d0d0" }
directory = { fg = "#005faf", bold = true }
marked = { fg = "#af5f00", bold = true }
answered = { fg = "#008700" }
pending = { fg = "#af5f00" }
accepted = { fg = "#008700" }
rejected = { fg = "#d70000" }
status = { fg = "#262626", bg = "#dadada" }
status-error = { fg = "#ffffff", bg = "#d70000", bold = true }
status-busy = { fg = "#5f0087", bg = "#dadada", bold = true }
prompt = {}
prompt-label = { fg = "#005fd7", bold = true }
heading = { fg = "#875f00", bold = true }
bold = { bold = true }
code = { fg = "#005f87" }
bullet = { fg = "#005fd7" }
quote = { fg = "#6c6c6c" }
help-key = { fg = "#005faf", bg = "#e4e4e4", bold = true }
dialog = { fg = "#000000", bg = "#e4e4e4" }
match = { fg = "#ffffff", bg = "#af5f00", bold = true }
"""#),
        ("high-contrast", #"""
# Squint high-contrast theme: pure black and white with saturated accents, bold where it helps.
name = "high-contrast"
palette = ["#ff0000", "#00ff00", "#00ffff", "#ffff00", "#ff00ff", "#ffffff", "#ff8700", "#00afff"]

[styles]
text = { fg = "#ffffff", bg = "#000000" }
dim = { fg = "#d0d0d0", bg = "#000000" }
border = { fg = "#ffffff", bg = "#000000" }
border-focused = { fg = "#ffff00", bg = "#000000", bold = true }
title = { fg = "#ffff00", bg = "#000000", bold = true }
title-focused = { fg = "#000000", bg = "#ffff00", bold = true }
selection = { fg = "#000000", bg = "#ffff00", bold = true }
selection-inactive = { fg = "#000000", bg = "#ffffff" }
directory = { fg = "#00ffff", bg = "#000000", bold = true }
marked = { fg = "#ff00ff", bg = "#000000", bold = true }
answered = { fg = "#00ff00", bg = "#000000", bold = true }
pending = { fg = "#ffff00", bg = "#000000", bold = true }
accepted = { fg = "#00ff00", bg = "#000000", bold = true }
rejected = { fg = "#ff0000", bg = "#000000", bold = true }
status = { fg = "#000000", bg = "#ffffff", bold = true }
status-error = { fg = "#ffffff", bg = "#d70000", bold = true }
status-busy = { fg = "#000000", bg = "#ffff00", bold = true }
prompt = { fg = "#ffffff", bg = "#000000", bold = true }
prompt-label = { fg = "#ffff00", bg = "#000000", bold = true }
heading = { fg = "#ffff00", bg = "#000000", bold = true, underline = true }
bold = { fg = "#ffffff", bg = "#000000", bold = true }
code = { fg = "#00ffff", bg = "#000000" }
bullet = { fg = "#ffff00", bg = "#000000", bold = true }
quote = { fg = "#ffffff", bg = "#000000", underline = true }
help-key = { fg = "#ffff00", bg = "#000000", bold = true }
dialog = { fg = "#ffffff", bg = "#000000", bold = true }
match = { fg = "#000000", bg = "#00ffff", bold = true }
"""#),
        ("monochrome", #"""
# Squint monochrome theme: no colours at all, only bold, underline and reverse video.
# This is also what every theme becomes when NO_COLOR is set.
name = "monochrome"
palette = ["default"]

[styles]
text = {}
dim = { dim = true }
border = {}
border-focused = { bold = true }
title = { bold = true }
title-focused = { reverse = true, bold = true }
selection = { reverse = true }
selection-inactive = { underline = true }
directory = { bold = true }
marked = { bold = true, underline = true }
answered = { bold = true }
pending = { underline = true }
accepted = { bold = true }
rejected = { dim = true }
status = { reverse = true }
status-error = { reverse = true, bold = true }
status-busy = { reverse = true, bold = true }
prompt = {}
prompt-label = { bold = true }
heading = { bold = true, underline = true }
bold = { bold = true }
code = { underline = true }
bullet = { bold = true }
quote = { dim = true }
help-key = { bold = true }
dialog = { reverse = true }
match = { underline = true, bold = true }
"""#),
    ]
}
