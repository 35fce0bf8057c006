import CNcursesw
import Foundation
import SquintCore

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
                    // The list first; sizes and the store's marks follow (a 20 000-image folder's first screen).
                    let entries = try FolderScanner.scan(path, sizes: false)
                    inbox.post(.folderLoaded(path: path, entries: entries))
                    let sizes = FolderScanner.sizes(of: entries, in: path)
                    let marks = (try? await BackgroundWork.marks(store: store, folder: path)) ?? [:]
                    inbox.post(.folderDetails(path: path, sizes: sizes, marks: marks))
                    // The review queue's counts, for the preview's bottom line.
                    if let counts = try? await store.reviewCounts(inFolder: path) {
                        inbox.post(.reviewCountsLoaded(folder: path, counts: counts))
                    }
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
                do {
                    // Imported truth is kept beside the answer under review, never shown as the image's answer.
                    let answer = try await store.history(imagePath: image, limit: 1, includingTruth: false).first
                    let detections = try await store.currentDetections(imagePath: image)
                    inbox.post(.recordLoaded(image: image, answer: answer, detections: detections))
                } catch {
                    inbox.post(.recordLoaded(image: image, answer: nil, detections: []))
                    inbox.post(.workFailed(message: "\(error)"))
                }
            }
        case .compareTruth(let image, let detections, let turn):
            Task.detached {
                let sets = (try? await store.truthSets(imagePath: image)) ?? []
                guard !sets.isEmpty else {
                    inbox.post(.truthCompared(image: image, comparison: nil))
                    return
                }
                let set = sets[turn % sets.count]
                inbox.post(.truthCompared(image: image, comparison: TruthComparison.compare(detections, truth: set.detections, truthSet: set.name)))
            }
        case .loadThread(let image, let id):
            Task.detached {
                if let conversation = try? await store.conversation(id: id) {
                    inbox.post(.threadLoaded(image: image, conversation: id, turns: conversation.turns))
                }
            }
        case .startRequest(let spec):
            guard let asking = services.asking else {
                inbox.post(.answerFailed(request: spec.id, message: ErrorReport(message: AppState.missingKeyMessage), answer: nil))
                return
            }
            let run = asking.start(spec.question)
            runs[spec.id] = run
            requests[spec.id] = Task.detached {
                for await event in run.events {
                    if let message = BackgroundWork.message(for: event, request: spec.id) { inbox.post(message) }
                }
            }
        case .cancelRequest(let id):
            // The pipeline saves what arrived and still reports it (answerFailed with the partial answer),
            // which is when the loop forgets the request.
            runs[id]?.cancel()
        case .planBatch(let request):
            guard let asking = services.asking else {
                inbox.post(.batchPlanFailed(id: request.id, message: AppState.missingKeyMessage))
                return
            }
            Task.detached {
                // The same inputs and "already answered" judgement as `squint batch`: paths canonical, each once.
                let inputs = BatchInputs.collect(request.images)
                do {
                    let plan = try await BatchPlan.make(inputs: inputs, spec: request.spec, store: asking.store,
                                                        configuration: asking.configuration)
                    inbox.post(.batchPlanned(id: request.id, plan))
                } catch {
                    inbox.post(.batchPlanFailed(id: request.id, message: "\(error)"))
                }
            }
        case .startBatch(let id):
            guard let plan = batchPlans.removeValue(forKey: id), let asking = services.asking else {
                inbox.post(.batchEnded(id: id))
                return
            }
            // The one batch loop (`squint batch --via live` runs it too), over the TUI's own pipeline.
            let run = LiveBatch(pipeline: asking).start(plan)
            let reader = Task.detached {
                for await event in run.events { inbox.post(.batchUpdate(id: id, BackgroundWork.update(for: event))) }
                inbox.post(.batchEnded(id: id))
            }
            batchRun = (id, run, reader)
        case .cancelBatch(let id):
            batchPlans[id] = nil
            // The stream ends once the requests in flight have stopped; `batchEnded` follows.
            if let batch = batchRun, batch.id == id { batch.run.cancel() }
        case .review(let action):
            let previous = reviewWrites
            let failures = self.unsavedReviews
            reviewWrites = Task.detached {
                await previous?.value
                switch action {
                case .set(let id, let review):
                    do {
                        try await store.setReview(detectionID: id, to: review)
                        inbox.post(.reviewSaved(detection: id, state: review))
                    } catch {
                        failures.add("\(error)")
                        inbox.post(.reviewFailed(detection: id, message: "\(error)"))
                    }
                case .undo(let id):
                    do {
                        inbox.post(.undone(try await store.undoReview(detectionID: id)))
                    } catch {
                        inbox.post(.workFailed(message: "could not undo: \(error)"))
                    }
                case .setAll(let ids, let review):
                    do {
                        try await store.setReviews(detectionIDs: ids, to: review)
                        inbox.post(.reviewsSaved(detections: ids, state: review))
                    } catch {
                        failures.add("\(error)")
                        inbox.post(.reviewsFailed(detections: ids, message: "\(error)"))
                    }
                case .undoAll(let ids):
                    do {
                        inbox.post(.undoneAll(try await store.undoReviews(detectionIDs: ids)))
                    } catch {
                        inbox.post(.workFailed(message: "could not undo: \(error)"))
                    }
                case .editBox(let id, let box):
                    do {
                        inbox.post(.boxSaved(try await store.editBox(detectionID: id, to: box)))
                    } catch {
                        failures.add("\(error)")
                        inbox.post(.boxFailed(detection: id, message: "\(error)"))
                    }
                case .add(let image, let label, let box):
                    do {
                        inbox.post(.detectionAdded(try await store.addDetection(imagePath: image, label: label, box: box)))
                    } catch {
                        failures.add("\(error)")
                        inbox.post(.workFailed(message: "the box was not added: \(error)"))
                    }
                }
            }
        case .loadReviewCounts(let folder):
            Task.detached {
                if let counts = try? await store.reviewCounts(inFolder: folder) {
                    inbox.post(.reviewCountsLoaded(folder: folder, counts: counts))
                }
            }
        case .export(let request):
            Task.detached {
                do {
                    if let message = try await BackgroundWork.export(request, store: store, inbox: inbox) {
                        inbox.post(.exportFinished(message: message))
                    }
                } catch {
                    inbox.post(.workFailed(message: "export failed: \(error)"))
                }
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
        present(.repainted)
    }
}

/// The work effects start off the curses thread: plain functions of their inputs, so tasks capture nothing of
/// the loop.
enum BackgroundWork {
    /// The answered and to-review marks of the images in a folder, by file name.
    static func marks(store: Store, folder: String) async throws -> [String: FileEntry.Mark] {
        var marks: [String: FileEntry.Mark] = [:]
        for status in try await store.imageStatuses(inFolder: folder) where status.hasAnswer {
            marks[(status.path as NSString).lastPathComponent] = status.hasPendingReview ? .pendingReview : .answered
        }
        return marks
    }

    /// What the loop hears of a running question.
    static func message(for event: AskEvent, request id: Int) -> AppEvent? {
        switch event {
        case .text(let text): .answerDelta(request: id, text: text)
        case .usage(let usage): .answerUsage(request: id, usage: usage)
        case .uploading(let image, let bytes): .answerProgress(request: id, message: ProgressWords.uploading(image, bytes: bytes))
        case .waitingForUpload(let image, _): .answerProgress(request: id, message: ProgressWords.processing(image))
        case .uploadGone: .answerProgress(request: id, message: "the upload was gone; uploading again")
        case .fetchingImage(let url): .answerProgress(request: id, message: ProgressWords.fetching(url))
        case .retrying(let attempt, let delay, let error):
            .answerProgress(request: id, message: ProgressWords.retry(attempt: attempt, delay: delay, error: error))
        case .finished(let outcome):
            .answerFinished(request: id, answer: outcome.stored, detections: outcome.detections, notes: outcome.notes)
        case .failed(let failure):
            .answerFailed(request: id, message: ErrorReport(failure.error), answer: failure.outcome?.stored)
        case .planned, .reusingUpload, .thought: nil
        }
    }

    /// What the loop hears of a running batch.
    static func update(for event: BatchEvent) -> BatchUpdate {
        switch event {
        case .asking(let path):
            .asking(path: path)
        case .retrying(let path, let attempt, let delay, let error):
            .retrying(path: path, message: ProgressWords.retry(attempt: attempt, delay: delay, error: error))
        case .concurrencyLowered(let limit):
            .concurrencyLowered(to: limit)
        case .finished(.answered(let path, let outcome)):
            .answered(path: path, answer: outcome.stored, detections: outcome.detections, usage: outcome.usage)
        case .finished(.failed(let path, let failure)):
            .failed(path: path, report: ErrorReport(failure.error), answer: failure.outcome?.stored, usage: failure.outcome?.usage)
        }
    }

    /// Writes an export into the browsed folder; asks first (returns nil after posting the question) when the
    /// destination exists and the person has not said to replace it.
    static func export(_ request: ExportRequest, store: Store, inbox: Inbox) async throws -> String? {
        let paths = try await store.imageStatuses(inFolder: request.folder).map(\.path)
        guard !paths.isEmpty else { return "nothing to export: no answers for this folder" }
        let batch = try await store.exportSelection(imagePaths: paths, selection: request.selection)
        let files = Exporter.export(batch.images, format: request.format)
        let destination: ExportWriter.Destination = request.format.isSingleFile ? .file(request.destination) : .folder(request.destination)
        if !request.overwrite {
            let existing = ExportWriter.existingTargets(files, in: destination)
            if !existing.isEmpty {
                inbox.post(.exportNeedsConfirmation(request, existing: existing))
                return nil
            }
        }
        try ExportWriter.write(files, to: destination, overwrite: .replace)
        return "exported \(batch.summary) as \(request.format.rawValue.uppercased()) to \(request.destination)"
    }
}

/// Review decisions that did not reach the store, told to the person after curses ends.
final class UnsavedReviews: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
