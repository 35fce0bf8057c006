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
        if reduced.detections.isEmpty { reduced.theme = 0; reduced.hidden = [] }
        return reduced
    }

    /// Tells the presenter which picture the state wants now.
    func updatePicture() {
        let want = renderKey(state.pictureKey)
        let showable = want.image != nil && !state.layout.isTooSmall && !want.area.isEmpty
        present(.want(showable ? want : nil))
    }

    /// Feeds the presenter and performs what it answers.
    func present(_ input: PicturePresenter.Input) {
        for action in presenter.handle(input) { perform(action) }
    }

    func perform(_ action: PicturePresenter.Action) {
        switch action {
        case .startRender(let key):
            let service = services.previews, cache = self.cache, inbox = self.inbox
            pictureTask = Task.detached(priority: .userInitiated) {
                do {
                    let box = try await PicturePipeline.run(key: key, service: service, cache: cache)
                    if !Task.isCancelled { inbox.post(.picture(key, box)) }
                } catch is CancellationError {
                } catch {
                    if !Task.isCancelled { inbox.post(.pictureFailed(key, "\(error)")) }
                }
            }
        case .cancelRender:
            pictureTask?.cancel()
            pictureTask = nil
        case .clearInterior:
            previewNeedsClear = true
        case .erase(let bytes):
            pendingTerminalBytes += bytes
        case .write(let bytes):
            writeToTerminal(bytes)
        }
    }

    /// A finished render reaches the presenter, which decides whether it is still wanted.
    func received(picture box: PictureBox, for key: PictureKey) {
        let current = presenter.rendering == key
        present(.rendered(key, PreviewView.Picture(key: key, rendered: box.rendered, viewport: box.viewport, imageSize: box.imageSize, damage: box.damage)))
        if current { pictureTask = nil }
    }

    func receivedFailure(_ message: String, for key: PictureKey) {
        guard presenter.rendering == key else { return }
        present(.failed(key))
        pictureTask = nil
        if let image = key.image { dispatch(.previewFailed(image: image, message: message)) }
    }
}
