// Generated from themes/*.toml; ThemeFilesTests checks the two stay identical.
// Built in so an installed binary has its themes without a resource bundle.

extension ThemeLoader {
    /// The shipped themes, in the order `t` cycles through them.
    public static let builtinSources: [(name: String, toml: String)] = [
        ("dark", #"""
# Squint default theme: light text on the terminal's own dark background.
# Colours: "default", a name (red, bright-blue, ...), a palette index 0-255, or "#rrggbb".
# On 256-colour terminals "#rrggbb" is mapped to the nearest palette entry; on truecolor ones it is exact.
name = "dark"
palette = ["#ff5f5f", "#5fd75f", "#5fafff", "#ffd75f", "#d787ff", "#5fd7d7", "#ff8700", "#ff87af", "#afd700", "#87afff"]

[styles]
text = { fg = "#d0d0d0" }
dim = { fg = "#808080" }
border = { fg = "#4e4e4e" }
border-focused = { fg = "#5fafff", bold = true }
title = { fg = "#ffffff", bold = true }
selection = { fg = "#000000", bg = "#5fafff" }
selection-inactive = { fg = "#d0d0d0", bg = "#3a3a3a" }
directory = { fg = "#5fafff", bold = true }
marked = { fg = "#ffd75f", bold = true }
answered = { fg = "#5fd75f" }
pending = { fg = "#ffd75f" }
accepted = { fg = "#5fd75f" }
rejected = { fg = "#ff5f5f" }
status = { fg = "#d0d0d0", bg = "#262626" }
status-error = { fg = "#ffffff", bg = "#870000", bold = true }
status-busy = { fg = "#ffd75f", bg = "#262626", bold = true }
prompt = { fg = "#ffffff" }
prompt-label = { fg = "#5fafff", bold = true }
heading = { fg = "#ffd75f", bold = true }
bold = { fg = "#ffffff", bold = true }
code = { fg = "#87d7af" }
bullet = { fg = "#5fafff" }
quote = { fg = "#a8a8a8" }
help-key = { fg = "#ffd75f", bold = true }
dialog = { fg = "#ffffff", bg = "#303030" }
"""#),
        ("light", #"""
# Squint light theme: dark text for terminals with a white or cream background.
name = "light"
palette = ["#d70000", "#008700", "#005fd7", "#af8700", "#8700af", "#008787", "#d75f00", "#d7005f", "#5f8700", "#0000af"]

[styles]
text = { fg = "#262626" }
dim = { fg = "#6c6c6c" }
border = { fg = "#a8a8a8" }
border-focused = { fg = "#005fd7", bold = true }
title = { fg = "#000000", bold = true }
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
prompt = { fg = "#000000" }
prompt-label = { fg = "#005fd7", bold = true }
heading = { fg = "#875f00", bold = true }
bold = { fg = "#000000", bold = true }
code = { fg = "#005f5f" }
bullet = { fg = "#005fd7" }
quote = { fg = "#585858" }
help-key = { fg = "#875f00", bold = true }
dialog = { fg = "#000000", bg = "#e4e4e4" }
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
selection = { fg = "#000000", bg = "#ffff00", bold = true }
selection-inactive = { fg = "#000000", bg = "#ffffff" }
directory = { fg = "#00ffff", bg = "#000000", bold = true }
marked = { fg = "#ff00ff", bg = "#000000", bold = true }
answered = { fg = "#00ff00", bg = "#000000", bold = true }
pending = { fg = "#ffff00", bg = "#000000", bold = true }
accepted = { fg = "#00ff00", bg = "#000000", bold = true }
rejected = { fg = "#ff0000", bg = "#000000", bold = true }
status = { fg = "#000000", bg = "#ffffff", bold = true }
status-error = { fg = "#ffffff", bg = "#ff0000", bold = true }
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
"""#),
    ]
}
