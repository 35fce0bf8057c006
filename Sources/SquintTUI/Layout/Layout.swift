import TerminalGraphics
/// Where every pane goes for a terminal size. Pure, so it is unit-tested for 80×24 up to wide screens.
///
/// Wide terminals (≥ 140 columns) get three columns: list | preview | answer. Narrower ones put the answer
/// under the preview so the preview keeps a useful width; at 80×24 every pane still has room to work.
/// Panes with a border (list, preview, answer, detections) report their outer rectangle; views draw inside.
public struct Layout: Sendable, Equatable {
    public enum AnswerPlacement: Sendable, Equatable { case right, below }

    public var size: CellSize
    public var fileList: Rect
    public var preview: Rect
    public var answer: Rect
    public var detections: Rect
    public var prompt: Rect
    public var status: Rect
    public var placement: AnswerPlacement

    /// The smallest size the layout is designed for; smaller terminals get a "too small" notice.
    public static let minimum = CellSize(columns: 60, rows: 16)

    public var isTooSmall: Bool { size.columns < Layout.minimum.columns || size.rows < Layout.minimum.rows }

    public init(size: CellSize) {
        self.size = size
        let cols = max(1, size.columns), rows = max(1, size.rows)
        status = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        prompt = Rect(x: 0, y: rows - 2, width: cols, height: 1)
        let bodyHeight = max(0, rows - 2)
        let listWidth = min(40, max(22, cols * 22 / 100))
        fileList = Rect(x: 0, y: 0, width: listWidth, height: bodyHeight)
        let restX = listWidth, restWidth = cols - listWidth
        if cols >= 140 {
            placement = .right
            let answerWidth = min(60, max(36, cols * 28 / 100))
            preview = Rect(x: restX, y: 0, width: restWidth - answerWidth, height: bodyHeight)
            let side = Rect(x: restX + preview.width, y: 0, width: answerWidth, height: bodyHeight)
            let detectionHeight = min(max(5, side.height / 3), 14)
            answer = Rect(x: side.x, y: 0, width: side.width, height: side.height - detectionHeight)
            detections = Rect(x: side.x, y: answer.maxY, width: side.width, height: detectionHeight)
        } else {
            placement = .below
            let lower = max(7, bodyHeight * 38 / 100)
            preview = Rect(x: restX, y: 0, width: restWidth, height: bodyHeight - lower)
            let detectionWidth = max(20, restWidth * 36 / 100)
            answer = Rect(x: restX, y: preview.maxY, width: restWidth - detectionWidth, height: lower)
            detections = Rect(x: answer.maxX, y: preview.maxY, width: detectionWidth, height: lower)
        }
    }

    /// Rows of the file list that show entries (inside the border).
    public var fileListRows: Int { max(1, fileList.height - 2) }
    public var detectionRows: Int { max(1, detections.height - 2) }
    public var answerRows: Int { max(1, answer.height - 2) }
    /// Where the picture goes: inside the preview border.
    public var pictureArea: Rect { preview.inset(1) }
}

