/// The ncurses application.
