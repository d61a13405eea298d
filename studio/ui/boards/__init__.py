"""The Boards sidebar: a designer's projects or clients, the gallery's filter and the board that
receives new results; images are dragged onto a board, and a board exports as a folder."""
