import CNcursesw
import Imaging

extension TUIApp {
    /// The parts of the picture key that change the pixels. Text modes draw boxes and labels with curses, so
    /// only masks (and zoom) require a new render there.
    func renderKey(_ key: PictureKey) -> PictureKey {
        guard services.previews.drawsCells else { return key }
        var reduced = key
        // Zoom needs the selected box (by index) to find its viewport; otherwise only masks change the pixels.
        // All of them when masks show: the colour rule counts every label, so a subset would recolour the masks.
        reduced.detections = key.zoomed || key.masks && key.detections.contains { $0.detection.mask != nil } ? key.detections : []
        reduced.boxes = false
        reduced.labels = false
        if !key.zoomed { reduced.selectedDetection = nil }
        if reduced.detections.isEmpty { reduced.theme = 0 }
        if !key.zoomed && reduced.detections.isEmpty { reduced.detections = [] }
        return reduced
    }

    /// Starts rendering the picture the state wants, unless it is already shown or on its way.
    func updatePicture() {
        let want = renderKey(state.pictureKey)
        guard want.image != nil, !state.layout.isTooSmall, !want.area.isEmpty else {
            pictureTask?.task.cancel()
            pictureTask = nil
            if picture != nil { erasePicture() }
            return
        }
        if picture?.key == want || pictureTask?.key == want || failedPictureKey == want { return }
        pictureTask?.task.cancel()
        if let shown = picture, shown.key.area != want.area || shown.key.image != want.image && state.previewError != nil {
            erasePicture()
        }
        let service = services.previews, cache = self.cache, inbox = self.inbox
        let task = Task.detached(priority: .userInitiated) {
            do {
                let box = try await PicturePipeline.run(key: want, service: service, cache: cache)
                if !Task.isCancelled { inbox.post(.picture(want, box)) }
            } catch is CancellationError {
            } catch {
                if !Task.isCancelled { inbox.post(.pictureFailed(want, "\(error)")) }
            }
        }
        pictureTask = (want, task)
    }

    /// Puts a finished picture up: graphics pictures replace the old one (erased first), cell pictures are
    /// drawn by the preview view on the next frame. Either way the interior is cleared in that frame, before
    /// graphics are written over it, so no "decoding…" or old cell picture is left beside the new one.
    func show(_ new: PreviewView.Picture) {
        if graphicsOnScreen != nil { eraseGraphics() }
        picture = new
        lastPreviewSignature = nil
        previewNeedsClear = true
        if case .graphics = new.rendered { graphicsNeedsWrite = true }
    }

    func erasePicture() {
        picture = nil
        eraseGraphics()
        previewNeedsClear = true
        lastPreviewSignature = nil
    }

    /// Removes a graphics picture: kitty by deleting its image id, sixel/iTerm2 by having curses rewrite the
    /// cells under it (terminals drop the pixels under newly written cells).
    func eraseGraphics() {
        guard let shown = graphicsOnScreen else { return }
        pendingTerminalBytes += shown.eraseBytes
        if let window = screen.windows[.preview] {
            redrawwin(window)
        }
        previewNeedsClear = true
        graphicsOnScreen = nil
    }

    /// After a resize the old picture's cells are gone; kitty images must still be deleted.
    func forgetGraphics() {
        pendingTerminalBytes += graphicsOnScreen?.eraseBytes ?? []
        graphicsOnScreen = nil
    }

    /// Writes the graphics picture straight to the terminal after curses has refreshed: save cursor, move to
    /// the preview's top-left cell, the image bytes, restore cursor.
    func writeGraphicsIfNeeded() {
        guard let picture, case .graphics(let output) = picture.rendered else { return }
        guard graphicsNeedsWrite, state.modal == .none, !state.layout.isTooSmall else { return }
        let preview = screen.layout.preview
        let (ox, oy) = PreviewView.origin(of: picture.rendered, in: preview.width, preview.height)
        var out = Array("\u{1B}7".utf8)
        out += output.placed(atColumn: preview.x + ox, row: preview.y + oy)
        out += Array("\u{1B}8".utf8)
        writeToTerminal(out)
        graphicsOnScreen = (output.eraseBytes, output.cells.columns, output.cells.rows)
        graphicsNeedsWrite = false
    }
}
