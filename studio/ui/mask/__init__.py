"""The mask painter: a document of mask pixels with undo, a canvas to paint on, a window."""
