import SquintCore
/// Work `update` asks the event loop to do. Effects are data so tests can check them without a terminal.
public enum Effect: Sendable, Equatable {
    case loadFolder(String)
    /// Decode and show this image (nil: nothing to show), prefetching the neighbours given.
    case showPreview(String?, neighbours: [String])
    case loadRecord(String)
    /// Load the turns of a conversation about this image; `threadLoaded` comes back.
    case loadThread(image: String, conversation: Int64)
    /// Compare the detections with the image's truth set number `turn` (mod how many it has).
    case compareTruth(image: String, detections: [StoredDetection], turn: Int)
    case startRequest(RequestSpec)
    case cancelRequest(Int)
    /// Ask the store which of the job's images already have its answer; `batchPlanned` comes back.
    case planBatch(BatchRequest)
    /// Start the planned batch with this id.
    case startBatch(Int)
    /// Stop the batch with this id (or forget its plan when it has not started); what finished stays stored.
    case cancelBatch(Int)
    case review(ReviewAction)
    case export(ExportRequest)
    /// Count the folder's review progress again; `reviewCountsLoaded` comes back.
    case loadReviewCounts(String)
    /// The picture must be drawn again (overlays, zoom or theme changed) even if the image did not.
    case redrawPicture
    /// Clear the whole screen and draw again (resize, theme).
    case repaintAll
    case quit
}
