import CNcursesw
import Foundation

extension TUIApp {
    func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    func perform(_ effect: Effect) {
        let inbox = self.inbox, store = services.store
        switch effect {
        case .loadFolder(let path):
            Task.detached {
                do {
                    var entries = try FolderScanner.scan(path)
                    let marks = (try? await store.marks(folder: path, names: entries.filter { !$0.isDirectory }.map(\.name))) ?? [:]
                    if !marks.isEmpty {
                        for i in entries.indices { if let mark = marks[entries[i].name] { entries[i].mark = mark } }
                    }
                    inbox.post(.folderLoaded(path: path, entries: entries))
                } catch {
                    inbox.post(.folderFailed(path: path, message: (error as NSError).localizedDescription))
                }
            }
        case .showPreview(_, let neighbours):
            prefetch?.cancel()
            let fit = PicturePipeline.fitting(area: state.layout.pictureArea, cellPixels: services.previews.cellPixelSize,
                                              drawsCells: services.previews.drawsCells)
            let cache = self.cache
            prefetch = Task.detached(priority: .utility) { await cache.prefetch(neighbours, fitting: fit) }
        case .loadRecord(let image):
            Task.detached {
                let record = try? await store.record(for: image)
                inbox.post(.recordLoaded(image: image, record: record))
            }
        case .startRequest(let spec):
            guard let answers = services.answers else {
                inbox.post(.answerFailed(request: spec.id, message: AppState.missingKeyMessage))
                return
            }
            requests[spec.id] = Task.detached {
                do {
                    for try await update in answers.run(spec) {
                        switch update {
                        case .delta(let text): inbox.post(.answerDelta(request: spec.id, text: text))
                        case .usage(let usage): inbox.post(.answerUsage(request: spec.id, usage: usage))
                        case .finished(let detections): inbox.post(.answerFinished(request: spec.id, detections: detections))
                        }
                    }
                } catch is CancellationError {
                } catch {
                    if !Task.isCancelled { inbox.post(.answerFailed(request: spec.id, message: "\(error)")) }
                }
            }
        case .cancelRequest(let id):
            requests[id]?.cancel()
            requests[id] = nil
        case .review(let action):
            let previous = reviewWrites
            reviewWrites = Task.detached {
                await previous?.value
                do { try await store.apply(action) } catch { inbox.post(.reviewFailed(message: "could not save the review: \(error)")) }
            }
        case .export(let format, let folder):
            Task.detached {
                do { inbox.post(.exportFinished(message: try await store.export(folder: folder, format: format))) }
                catch { inbox.post(.exportFailed(message: "export failed: \(error)")) }
            }
        case .redrawPicture:
            lastPreviewSignature = nil
        case .repaintAll:
            repaintAll()
        case .quit:
            running = false
        }
    }

    func repaintAll() {
        let theme = options.themes.indices.contains(state.themeIndex) ? options.themes[state.themeIndex] : styles.theme
        styles.load(options.noColor ? theme.withoutColor() : theme)
        screen.clearAll()
        lastPreviewSignature = nil
        previewNeedsClear = true
        answerCache = nil
        if graphicsOnScreen != nil { graphicsNeedsWrite = true }
    }
}
