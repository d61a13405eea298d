<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../studio/ui/actions.py" line="164" />
      <source>Added to favourites.</source>
      <translation>已加入收藏。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="27" />
      <source>Delete images</source>
      <translation>删除图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="174" />
      <source>Export to folder</source>
      <translation>导出到文件夹</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="186" />
      <source>Exported {count} image(s) to {folder}.</source>
      <translation>已将 {count} 张图像导出到 {folder}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="148" />
      <source>Image copied.</source>
      <translation>图像已复制。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="171" />
      <source>Moved to the trash. Press Ctrl+Z to undo.</source>
      <translation>已移到回收站。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="136" />
      <source>Prompt copied.</source>
      <translation>提示词已复制。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="164" />
      <source>Removed from favourites.</source>
      <translation>已取消收藏。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="93" />
      <source>Settings restored from this image's job.</source>
      <translation>已恢复这张图像所属任务的设置。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="145" />
      <source>The image file could not be read.</source>
      <translation>无法读取图像文件。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/actions.py" line="124" />
      <source>Variations of this image are on their way.</source>
      <translation>正在生成这张图片的变体。</translation>
    </message>
  </context>
  <context>
    <name>AppearancePage</name>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="27" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="25" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="51" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="26" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="40" />
      <source>The new language applies the next time Studio starts.</source>
      <translation>新语言将在下次启动 Studio 时生效。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/appearance.py" line="50" />
      <source>Theme</source>
      <translation>主题</translation>
    </message>
  </context>
  <context>
    <name>Application</name>
    <message>
      <location filename="../../studio/ui/demo.py" line="33" />
      <source>Demo relay</source>
      <translation>演示中转站</translation>
    </message>
  </context>
  <context>
    <name>BatchDialog</name>
    <message>
      <location filename="../../studio/ui/batch/targets.py" line="55" />
      <source>A model of the catalog, or any name the relay sells</source>
      <translation>目录中的模型，或中转站出售的任意模型名</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="144" />
      <source>A text file (a prompt a line), or .csv / .jsonl with a prompt column and any of model, ratio, resolution, size, n, quality, seed, refs, mask, profile, protocol</source>
      <translation>文本文件（每行一条提示词），或带 prompt 列的 .csv / .jsonl，还可以有 model、ratio、resolution、size、n、quality、seed、refs、mask、profile、protocol 中的任意列</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="174" />
      <source>A {name} in a prompt is a variable: every combination of its values is sent.</source>
      <translation>提示词中的 {name} 是变量：它的取值的每一种组合都会发送。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/targets.py" line="66" />
      <source>Add this target</source>
      <translation>添加这个目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/variables.py" line="74" />
      <source>Add variable</source>
      <translation>添加变量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="357" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="192" />
      <source>At most</source>
      <translation>同时最多</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="546" />
      <location filename="../../studio/ui/batch/dialog.py" line="99" />
      <source>Batch</source>
      <translation>批量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="357" />
      <source>Batch files ({patterns})</source>
      <translation>批量文件 ({patterns})</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="238" />
      <source>Cancel all</source>
      <translation>全部取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="260" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="59" />
      <source>Cost</source>
      <translation>费用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="328" />
      <source>Each line takes the composer's settings unless it sets its own: {settings}.</source>
      <translation>每一行都使用创作面板的设置，除非该行自己设置：{settings}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="235" />
      <source>Each result is in the gallery as it arrives; the batch is one run there.</source>
      <translation>每个结果一到就会出现在图库中；整个批次在那里是一次运行。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="612" />
      <source>Finished: {succeeded} of {total} delivered · {failed} failed</source>
      <translation>已结束：交付 {succeeded}/{total} · 失败 {failed}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="198" />
      <source>How many of this batch are sent at once (each relay's own limit applies too)</source>
      <translation>本批次同时发送多少个请求（每个中转站自己的上限也同时适用）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="79" />
      <source>Line {number}: {reason}</source>
      <translation>第 {number} 行：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="59" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="472" />
      <source>Nothing can be sent until each line is right.</source>
      <translation>每一行都正确之前，什么都不会发送。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="474" />
      <source>Nothing to send yet: write a prompt on each line.</source>
      <translation>还没有要发送的内容：每行写一条提示词。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="154" />
      <source>One prompt a line, e.g.
a {animal} in {style}
# a line with # first is skipped</source>
      <translation>每行一条提示词，例如：
{style}风格的{animal}
# 以 # 开头的行会被跳过</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="354" />
      <source>Open a batch file</source>
      <translation>打开批量文件</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="140" />
      <source>Open file…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="527" />
      <source>Over budget</source>
      <translation>超出预算</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="211" />
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="59" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="138" />
      <source>Prompts</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="366" />
      <source>Reading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/targets.py" line="71" />
      <source>Remove the chosen target</source>
      <translation>移除选中的目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/variables.py" line="50" />
      <source>Remove this variable</source>
      <translation>移除这个变量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="240" />
      <source>Retry failed</source>
      <translation>重试失败的</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="262" />
      <location filename="../../studio/ui/batch/dialog.py" line="499" />
      <source>Send</source>
      <translation>发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="243" />
      <source>Send again each request of this batch that failed or was cancelled</source>
      <translation>重新发送本批次中失败或被取消的每个请求</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="530" />
      <source>Send anyway</source>
      <translation>仍然发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="529" />
      <source>Send the batch anyway?</source>
      <translation>仍然发送这个批次吗？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="499" />
      <source>Send {count}</source>
      <translation>发送 {count} 个</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="605" />
      <source>Sending: {finished} of {total} finished · {failed} failed</source>
      <translation>发送中：已完成 {finished}/{total} · 失败 {failed}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="59" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="607" />
      <source>Stopped: {succeeded} of {total} delivered · {failed} failed · {cancelled} cancelled · {unsent} not sent</source>
      <translation>已停止：交付 {succeeded}/{total} · 失败 {failed} · 取消 {cancelled} · 未发送 {unsent}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="59" />
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="183" />
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/targets.py" line="63" />
      <source>The relay that sends it</source>
      <translation>由哪个中转站发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="163" />
      <source>Type prompts instead</source>
      <translation>改为输入提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="179" />
      <source>Variables</source>
      <translation>变量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="48" />
      <source>a brace without its pair: write {{ or }} for a brace itself</source>
      <translation>花括号不成对：要写花括号本身，请写 {{ 或 }}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="86" />
      <source>a mask</source>
      <translation>一个蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="40" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="93" />
      <source>cost unknown</source>
      <translation>费用未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="38" />
      <source>done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="37" />
      <source>downloading</source>
      <translation>下载中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="39" />
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="38" />
      <source>field(s) named twice: {fields}</source>
      <translation>字段重复：{fields}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="41" />
      <source>interrupted</source>
      <translation>已中断</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="381" />
      <source>it is not UTF-8 text</source>
      <translation>它不是 UTF-8 文本</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="50" />
      <source>mask not found: {path}</source>
      <translation>找不到蒙版：{path}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="51" />
      <source>mask {path}: {detail}</source>
      <translation>蒙版 {path}：{detail}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="36" />
      <source>more cells than the header has names</source>
      <translation>单元格比表头的字段多</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="52" />
      <source>n must be at least 1 (it is {value})</source>
      <translation>n 至少为 1（现在是 {value}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/variables.py" line="40" />
      <source>name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="32" />
      <source>no prompt</source>
      <translation>没有提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="54" />
      <source>no target: choose a model</source>
      <translation>没有目标：请选择一个模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="43" />
      <source>no values for {names}: give each variable its values</source>
      <translation>{names} 没有取值：请为每个变量填写取值</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="40" />
      <source>not CSV ({detail})</source>
      <translation>不是 CSV（{detail}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="41" />
      <source>not JSON ({detail})</source>
      <translation>不是 JSON（{detail}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="42" />
      <source>not a JSON object</source>
      <translation>不是 JSON 对象</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="115" />
      <source>not sent</source>
      <translation>不发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="34" />
      <source>preparing</source>
      <translation>准备中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="80" />
      <source>quality {value}</source>
      <translation>质量 {value}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="33" />
      <source>queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="49" />
      <source>reference not found: {path}</source>
      <translation>找不到参考图：{path}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="34" />
      <source>refs must be a list of paths, or paths separated by ;</source>
      <translation>refs 必须是路径列表，或用 ; 分隔的路径</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="201" />
      <source>requests at once</source>
      <translation>个请求</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="36" />
      <source>running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/preview.py" line="35" />
      <source>sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="39" />
      <source>the header row has no prompt field</source>
      <translation>表头没有 prompt 字段</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="87" />
      <source>the model's defaults</source>
      <translation>模型的默认设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/targets.py" line="113" />
      <source>through the {protocol} protocol</source>
      <translation>通过 {protocol} 协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="31" />
      <source>unknown field(s): {fields}</source>
      <translation>未知字段：{fields}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="53" />
      <source>unknown protocol {value} (known: {known})</source>
      <translation>未知协议 {value}（可用：{known}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/variables.py" line="44" />
      <source>values, comma-separated: cat, fox, hare</source>
      <translation>取值，用逗号分隔：猫, 狐狸, 野兔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="37" />
      <source>{cells} cells, but the header names {fields} fields</source>
      <translation>有 {cells} 个单元格，但表头只有 {fields} 个字段</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="480" />
      <source>{count} cannot be sent (see Notes)</source>
      <translation>{count} 个无法发送（见备注）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="44" />
      <source>{count} combinations; a batch takes at most {limit}</source>
      <translation>共 {count} 种组合；一个批次最多 {limit} 个</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="82" />
      <source>{count} images each</source>
      <translation>每条 {count} 张图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="84" />
      <source>{count} reference image(s)</source>
      <translation>{count} 张参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="476" />
      <source>{count} requests · {cost}</source>
      <translation>{count} 个请求 · {cost}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="45" />
      <source>{count} requests; a batch takes at most {limit}</source>
      <translation>共 {count} 个请求；一个批次最多 {limit} 个</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="33" />
      <source>{field} is not a whole number: {value}</source>
      <translation>{field} 不是整数：{value}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="35" />
      <source>{field} must be text</source>
      <translation>{field} 必须是文本</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="382" />
      <source>{name} could not be read: {reason}</source>
      <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/dialog.py" line="390" />
      <source>{name}: {count} lines</source>
      <translation>{name}：{count} 行</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="46" />
      <source>{{{name}}} has a format spec: write just the name in braces</source>
      <translation>{{{name}}} 带有格式说明：花括号里只写变量名</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="47" />
      <source>{{{name}}} is not a variable name (letters, digits and _)</source>
      <translation>{{{name}}} 不是变量名（只能用字母、数字和 _）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="86" />
      <source>… and {count} more.</source>
      <translation>……还有 {count} 处。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/batch/texts.py" line="96" />
      <source>≈ {amount}</source>
      <translation>≈ {amount}</translation>
    </message>
  </context>
  <context>
    <name>Boards</name>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="25" />
      <source>A board needs a name.</source>
      <translation>画板需要一个名称。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="16" />
      <source>All images</source>
      <translation>全部图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/name_editor.py" line="25" />
      <location filename="../../studio/ui/boards/name_editor.py" line="26" />
      <source>Board name</source>
      <translation>画板名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="338" />
      <source>Board “{board}” created: drag images onto it, or click it to work in it.</source>
      <translation>已创建画板“{board}”：可把图像拖进去，或点击它在其中工作。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="403" />
      <source>Board “{board}” deleted: its images are under “No board”.</source>
      <translation>已删除画板“{board}”：其中的图像现在位于“未归入画板”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="336" />
      <source>Board “{board}” renamed.</source>
      <translation>画板已重命名为“{board}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="191" />
      <location filename="../../studio/ui/boards/panel.py" line="67" />
      <source>Boards</source>
      <translation>画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="376" />
      <location filename="../../studio/ui/boards/panel.py" line="388" />
      <source>Delete board</source>
      <translation>删除画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="443" />
      <source>Delete board…</source>
      <translation>删除画板…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="377" />
      <source>Delete the board “{board}”?</source>
      <translation>删除画板“{board}”？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="257" />
      <source>Double-click or F2 to rename; right-click for more.</source>
      <translation>双击或按 F2 重命名；右键查看更多操作。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="253" />
      <source>Drop images here to move them.</source>
      <translation>把图像拖到这里即可移入。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="252" />
      <source>Every image, whatever its board</source>
      <translation>全部图像，不论属于哪个画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="441" />
      <source>Export images…</source>
      <translation>导出图像…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="39" />
      <source>Export of “{board}” stopped: {count} image(s) are in {folder}.</source>
      <translation>“{board}”的导出已停止：{folder} 中已有 {count} 张图像。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="69" />
      <source>Export “{board}” into…</source>
      <translation>将“{board}”导出到…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="41" />
      <source>Exported {count} image(s) of “{board}” to {folder}.</source>
      <translation>已将“{board}”的 {count} 张图像导出到 {folder}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="84" />
      <source>Exporting “{board}”…</source>
      <translation>正在导出“{board}”…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="383" />
      <source>Its {count} image(s) stay in your history: they will show under “No board”. Only the board goes.</source>
      <translation>其中的 {count} 张图像仍保留在历史记录中，会显示在“未归入画板”下。只删除画板本身。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="72" />
      <location filename="../../studio/ui/boards/panel.py" line="73" />
      <location filename="../../studio/ui/boards/panel.py" line="445" />
      <source>New board</source>
      <translation>新建画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="255" />
      <source>New results go here.</source>
      <translation>新结果会放到这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="98" />
      <location filename="../../studio/ui/boards/panel.py" line="102" />
      <source>New results go to</source>
      <translation>新结果放入</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="225" />
      <source>New results go to “{board}”.</source>
      <translation>新结果将放入“{board}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="20" />
      <source>No board</source>
      <translation>未归入画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="63" />
      <source>Nothing is lost: Studio's history keeps every original.</source>
      <translation>不会丢失任何内容：Studio 的历史记录保留着每一张原图。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="440" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="435" />
      <source>Send new results here</source>
      <translation>新结果放到这里</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="57" />
      <source>Stop the export (what is written stays)</source>
      <translation>停止导出（已写出的文件会保留）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="110" />
      <location filename="../../studio/ui/boards/panel.py" line="363" />
      <source>That board is gone.</source>
      <translation>该画板已不存在。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="27" />
      <source>That name is too long: at most {limit} characters.</source>
      <translation>名称太长：最多 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/panel.py" line="101" />
      <source>The board that receives the images you generate</source>
      <translation>接收你所生成图像的画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="57" />
      <source>The disk is full: {done} of {total} image(s) were exported to {folder}.</source>
      <translation>磁盘已满：{total} 张图像中已有 {done} 张导出到 {folder}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="98" />
      <source>The export failed; see the log.</source>
      <translation>导出失败，请查看日志。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="61" />
      <source>The export stopped after {done} of {total} image(s): {cause}.</source>
      <translation>导出在 {total} 张中的第 {done} 张后中止：{cause}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="28" />
      <source>There is already a board called “{name}”.</source>
      <translation>已有名为“{name}”的画板。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="263" />
      <source>new results go here</source>
      <translation>新结果会放到这里</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="48" />
      <source>{count} could not be found in the history's folder.</source>
      <translation>有 {count} 张在历史记录文件夹中找不到。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="33" />
      <source>{count} image(s) moved to “No board”.</source>
      <translation>已将 {count} 张图像移到“未归入画板”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="34" />
      <source>{count} image(s) moved to “{board}”.</source>
      <translation>已将 {count} 张图像移到“{board}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="44" />
      <source>{count} were there from an earlier export.</source>
      <translation>其中 {count} 张在之前的导出中已存在。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/texts.py" line="59" />
      <source>{folder} cannot be written to: choose another folder.</source>
      <translation>无法写入 {folder}：请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/board_list.py" line="261" />
      <source>{name}, {count} image(s)</source>
      <translation>{name}，{count} 张图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/boards/exporter.py" line="112" />
      <source>“{board}” has no images to export.</source>
      <translation>“{board}”中没有可导出的图像。</translation>
    </message>
  </context>
  <context>
    <name>BudgetGuard</name>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="90" />
      <source>Over budget</source>
      <translation>超出预算</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="95" />
      <source>Send anyway</source>
      <translation>仍然发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="93" />
      <source>Send it anyway? The budget is set in Settings → Relays.</source>
      <translation>仍要发送吗？预算在“设置 → 中转”中设置。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="34" />
      <source>This request would pass the daily budget of {profile}: {spent} of {budget} {currency} spent today, this request about {estimate}.</source>
      <translation>此请求将超出 {profile} 的每日预算：今日已花费 {spent}/{budget} {currency}，此请求约 {estimate}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="39" />
      <source>This request would pass the monthly budget of {profile}: {spent} of {budget} {currency} spent this month, this request about {estimate}.</source>
      <translation>此请求将超出 {profile} 的每月预算：本月已花费 {spent}/{budget} {currency}，此请求约 {estimate}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="50" />
      <source>Today on {profile}: cost unknown</source>
      <translation>今日 {profile}：花费未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="51" />
      <source>Today on {profile}: {amount} {currency}</source>
      <translation>今日 {profile}：{amount} {currency}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/budget_guard.py" line="68" />
      <source>What the current relay cost today, from the history (its price multiplier applied). Settings → Relays sets its budgets.</source>
      <translation>当前中转今日的花费，来自历史记录（已计入其价格倍数）。预算在“设置 → 中转”中设置。</translation>
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="276" />
      <source>A pasted image is still being read. Try again in a moment.</source>
      <translation>粘贴的图像仍在读取中，请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="290" />
      <source>Choose a relay profile first (or try the demo).</source>
      <translation>请先选择一个中转配置（或试用演示）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="129" />
      <source>Describe the image you want…</source>
      <translation>描述你想要的图像…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="120" />
      <source>History</source>
      <translation>历史记录</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="336" />
      <source>Left out, as {model} cannot take it here: {settings}.</source>
      <translation>已忽略，因为 {model} 在此无法使用：{settings}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="152" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="141" />
      <source>Negative prompt</source>
      <translation>反向提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="280" />
      <source>Not readable as an image: {names}. Remove it to generate.</source>
      <translation>无法作为图像读取：{names}。请移除后再生成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="216" />
      <source>Paste as reference</source>
      <translation>粘贴为参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="115" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="123" />
      <source>Recent prompts (Ctrl+Up / Ctrl+Down in the prompt)</source>
      <translation>最近的提示词（在提示词框中按 Ctrl+Up / Ctrl+Down）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="144" />
      <source>What the image should not contain…</source>
      <translation>图像中不应出现的内容…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="67" />
      <source>background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="72" />
      <source>complexity</source>
      <translation>复杂度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="70" />
      <source>compression</source>
      <translation>压缩率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="73" />
      <source>frame count</source>
      <translation>帧数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="74" />
      <source>frame duration</source>
      <translation>每帧时长</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="76" />
      <source>image series</source>
      <translation>组图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="69" />
      <source>input fidelity</source>
      <translation>输入保真度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="71" />
      <source>moderation</source>
      <translation>审核强度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="63" />
      <source>number of images</source>
      <translation>图片数量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="77" />
      <source>number of images in a series</source>
      <translation>组图张数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="66" />
      <source>output format</source>
      <translation>输出格式</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="59" />
      <source>protocol</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="64" />
      <source>quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="60" />
      <source>ratio</source>
      <translation>宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="61" />
      <source>resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="79" />
      <source>safety tolerance</source>
      <translation>安全容忍度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="68" />
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="62" />
      <source>size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="65" />
      <source>style</source>
      <translation>风格</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="80" />
      <source>the markup overlay</source>
      <translation>标注叠加图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="81" />
      <source>the negative prompt</source>
      <translation>反向提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="75" />
      <source>thinking level</source>
      <translation>思考等级</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="78" />
      <source>watermark</source>
      <translation>水印</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="132" />
      <source>{keys} generates · Ctrl+Up/Down recall earlier prompts</source>
      <translation>{keys} 生成 · Ctrl+Up/Down 调出之前的提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/panel.py" line="364" />
      <source>{model} takes at most {limit} characters.</source>
      <translation>{model} 最多接受 {limit} 个字符。</translation>
    </message>
  </context>
  <context>
    <name>ComposerCompare</name>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="76" />
      <source>, {count} without a price</source>
      <translation>，{count} 个无价格</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="156" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="260" />
      <source>Add {model} through the chosen relay</source>
      <translation>通过所选中转站添加 {model}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="162" />
      <source>Choose a model and its relay, then add it. Generate sends the same request to every target; what one cannot take is left out for it.</source>
      <translation>选择模型及其中转站，然后添加。生成时会把同一请求发送给每个目标；某个目标不支持的设置会对它略去。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="69" />
      <source>Compare</source>
      <translation>对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="182" />
      <source>Compare mode</source>
      <translation>对比模式</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="172" />
      <source>Compare on</source>
      <translation>对比目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="71" />
      <source>Cost unknown for one target</source>
      <translation>1 个目标，费用未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="72" />
      <source>Cost unknown for {count} targets</source>
      <translation>{count} 个目标，费用未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="225" />
      <source>Current relay</source>
      <translation>当前中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="224" />
      <source>Current relay ({name})</source>
      <translation>当前中转站（{name}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="200" />
      <source>No target can take this request: each one says why under its name.</source>
      <translation>没有目标能接受这个请求：原因见各目标名称下方。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="58" />
      <source>Not sent: {reason}</source>
      <translation>不发送：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="145" />
      <source>Relay</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="94" />
      <source>Remove this target</source>
      <translation>移除此目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="95" />
      <source>Remove {target}</source>
      <translation>移除 {target}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="73" />
      <source>Send the same request to several models or relays, side by side ({keys})</source>
      <translation>把同一请求发送给多个模型或中转站，并排对比（{keys}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="234" />
      <source>Send this compare?</source>
      <translation>发送这次对比？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="237" />
      <source>Send to one target</source>
      <translation>发送到 1 个目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="237" />
      <source>Send to {count} targets</source>
      <translation>发送到 {count} 个目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="175" />
      <source>The catalog's list price over every target, each relay's price multiplier applied. Relays may charge differently.</source>
      <translation>按目录标价计算所有目标的总价，已计入各中转站的价格倍率。中转站的实际收费可能不同。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="144" />
      <source>The relay that sends the model added next</source>
      <translation>发送下一个添加的模型所用的中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="224" />
      <source>This compare costs about {amount} in all, more than {limit} (the amount above which the studio asks first).</source>
      <translation>这次对比总计约 {amount}，超过 {limit}（超过此金额时会先询问）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="52" />
      <source>{model} @ current relay</source>
      <translation>{model} @ 当前中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="51" />
      <source>{model} @ {relay}</source>
      <translation>{model} @ {relay}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_targets.py" line="258" />
      <source>{model} through this relay is a target already.</source>
      <translation>通过此中转站的 {model} 已是目标。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="88" />
      <source>{target}: cost unknown</source>
      <translation>{target}：费用未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="86" />
      <source>{target}: not sent</source>
      <translation>{target}：不发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="91" />
      <source>{target}: ≈ {amount}</source>
      <translation>{target}：≈ {amount}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="73" />
      <source>≈ {amount} · one target</source>
      <translation>≈ {amount} · 1 个目标</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/compare_flow.py" line="73" />
      <source>≈ {amount} · {count} targets</source>
      <translation>≈ {amount} · {count} 个目标</translation>
    </message>
  </context>
  <context>
    <name>ComposerDialogs</name>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="183" />
      <source>A link: the studio passes it on, or downloads it when it sends.
{url}</source>
      <translation>链接：Studio 发送时会直接转交该链接，或先下载图像再发送。
{url}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="55" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="190" />
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="118" />
      <source>Preparing the request…</source>
      <translation>正在准备请求…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="45" />
      <source>Request preview</source>
      <translation>请求预览</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="97" />
      <source>The request could not be prepared for the preview.</source>
      <translation>无法准备用于预览的请求。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="199" />
      <source>This file could not be read as an image.</source>
      <translation>无法将此文件作为图像读取。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="113" />
      <source>What the studio would send to {profile} for {model}. The key is never shown.</source>
      <translation>Studio 将为 {model} 向 {profile} 发送的内容。密钥始终不会显示。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/dialogs.py" line="83" />
      <source>no relay chosen yet</source>
      <translation>尚未选择中转站</translation>
    </message>
  </context>
  <context>
    <name>ComposerFooter</name>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="84" />
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="59" />
      <source>Generate ({keys})</source>
      <translation>生成（{keys}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="83" />
      <source>Generate × {count}</source>
      <translation>生成 × {count}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="108" />
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="51" />
      <source>Show request</source>
      <translation>查看请求</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="46" />
      <source>The catalog's list price per image × the number of images. Relays may charge differently.</source>
      <translation>模型目录中的单张标价 × 图像数量。中转站的实际扣费可能不同。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="55" />
      <source>The exact HTTP request the studio would send, with the key hidden</source>
      <translation>Studio 将发送的完整 HTTP 请求（密钥已隐藏）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/footer.py" line="29" />
      <source>≈ {amount}</source>
      <translation>≈ {amount}</translation>
    </message>
  </context>
  <context>
    <name>ComposerMarkup</name>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="43" />
      <source>A transparent image drawn over reference #1 (arrows, circles, notes) that shows the model what to change. Not together with a mask.</source>
      <translation>一张覆盖在 1 号参考图上的透明图（箭头、圆圈、文字），告诉模型要改哪里。不能与蒙版同时使用。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="82" />
      <source>Choose a markup overlay</source>
      <translation>选择标注叠加图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="85" />
      <source>Images ({patterns})</source>
      <translation>图片（{patterns}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="40" />
      <source>Markup overlay…</source>
      <translation>标注叠加图…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="99" />
      <source>Overlay: {name}</source>
      <translation>叠加图：{name}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/markup_row.py" line="54" />
      <source>Remove overlay</source>
      <translation>移除叠加图</translation>
    </message>
  </context>
  <context>
    <name>ComposerMask</name>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="93" />
      <source>A mask is set on #1.</source>
      <translation>已在 #1 上设置蒙版。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="89" />
      <source>Add a reference image first: the mask is painted on #1.</source>
      <translation>请先添加参考图：蒙版绘制在 #1 上。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="29" />
      <source>Edit with mask on #1</source>
      <translation>在 #1 上用蒙版编辑</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="91" />
      <source>Paint where reference #1 should change.</source>
      <translation>在参考图 #1 上涂抹需要修改的区域。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="37" />
      <source>Remove mask</source>
      <translation>移除蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="68" />
      <source>The mask was removed: reference #1 changed.</source>
      <translation>蒙版已移除：参考图 #1 已变更。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="84" />
      <source>{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1.</source>
      <translation>{model} 不支持蒙版编辑。请选择支持的模型，例如 gpt-image-1。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="95" />
      <source>{model} cannot use it, so it is not sent.</source>
      <translation>{model} 无法使用蒙版，因此不会发送。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/mask_row.py" line="78" />
      <source>{model} takes a mask only for Vary (Region) on a finished image.</source>
      <translation>{model} 仅在对已完成的图像执行 Vary (Region) 时接受蒙版。</translation>
    </message>
  </context>
  <context>
    <name>ComposerModel</name>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="180" />
      <source>Ask the relay for its models again</source>
      <translation>重新向中转站获取模型列表</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="131" />
      <source>Asking {relay} for its models…</source>
      <translation>正在向 {relay} 获取模型列表…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="128" />
      <source>Asking {relay} for its models… (the list from {when} meanwhile)</source>
      <translation>正在向 {relay} 获取模型列表…（暂时显示 {when} 时的列表）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="97" />
      <source>By its name, not an image model.</source>
      <translation>从名称看，这不是图像模型。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="431" />
      <source>Choose the model (type to search)</source>
      <translation>选择模型（可输入搜索）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="124" />
      <source>No relay chosen: these are the catalog's models.</source>
      <translation>尚未选择中转站：这里是模型目录中的模型。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="96" />
      <source>Not in the catalog: offered with generic settings.</source>
      <translation>不在模型目录中：按通用设置提供。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="92" />
      <source>Not in the catalog: offered with the settings of {family} models.</source>
      <translation>不在模型目录中：按 {family} 模型的设置提供。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="83" />
      <source>Other models</source>
      <translation>其他模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="87" />
      <source>Other names from the relay</source>
      <translation>中转站的其他名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="84" />
      <source>Other {family} models</source>
      <translation>其他 {family} 模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="169" />
      <source>Search models…</source>
      <translation>搜索模型…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="141" />
      <source>The catalog's models (Refresh asks {relay} for its own).</source>
      <translation>模型目录中的模型（点“刷新”可获取 {relay} 自己的列表）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="278" />
      <source>This relay sells {model} under the names below.</source>
      <translation>此中转站以下面的名称提供 {model}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="86" />
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="346" />
      <source>Use the model name “{name}”</source>
      <translation>使用模型名称“{name}”</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="61" />
      <source>edits only</source>
      <translation>仅编辑</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="59" />
      <source>mask</source>
      <translation>蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="112" />
      <source>no answer</source>
      <translation>没有回应</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="53" />
      <source>no refs</source>
      <translation>无参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="63" />
      <source>not in the catalog</source>
      <translation>不在模型目录中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="457" />
      <source>not on this relay</source>
      <translation>此中转站没有</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="55" />
      <source>refs {low}–{high}</source>
      <translation>参考图 {low}–{high}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="57" />
      <source>refs ≤ {count}</source>
      <translation>参考图 ≤ {count}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="281" />
      <source>relay name</source>
      <translation>中转站名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="70" />
      <source>retired {date}</source>
      <translation>已于 {date} 停用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="146" />
      <source>{count} image models from {relay}, {when}.</source>
      <translation>来自 {relay} 的 {count} 个图像模型，{when}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="150" />
      <source>{count} other names are left out; a search finds them.</source>
      <translation>另有 {count} 个名称未列出；搜索可以找到它们。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="136" />
      <source>{relay} did not give its models ({reason}): its list from {when}.</source>
      <translation>{relay} 没有返回模型列表（{reason}）：显示 {when} 时的列表。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="138" />
      <source>{relay} did not give its models ({reason}): the catalog's models.</source>
      <translation>{relay} 没有返回模型列表（{reason}）：显示模型目录中的模型。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="458" />
      <source>{relay} does not list {model}.</source>
      <translation>{relay} 没有列出 {model}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="143" />
      <source>{relay} lists no image models: these are the catalog's models.</source>
      <translation>{relay} 没有列出图像模型：这里是模型目录中的模型。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/model_picker.py" line="287" />
      <source>“{alias}” is this relay's name for {model}: the same settings.</source>
      <translation>“{alias}”是此中转站对 {model} 的称呼：设置相同。</translation>
    </message>
  </context>
  <context>
    <name>ComposerOptions</name>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="75" />
      <source> frames</source>
      <translation> 帧</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="128" />
      <source>Advanced</source>
      <translation>高级</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="64" />
      <source>Ask for the provider's watermark on the image, or not.</source>
      <translation>是否让服务商在图上加水印。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="269" />
      <source>Automatic ({protocol})</source>
      <translation>自动（{protocol}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="151" />
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="33" />
      <source>Complexity</source>
      <translation>复杂度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="31" />
      <source>Compression</source>
      <translation>压缩率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="72" />
      <source>Compression of jpeg and webp output, 0 to 100: more is smaller and rougher.</source>
      <translation>jpeg 和 webp 输出的压缩率，0 到 100：越高文件越小、画质越粗。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="127" />
      <location filename="../../studio/ui/composer/late_options.py" line="154" />
      <location filename="../../studio/ui/composer/options.py" line="251" />
      <location filename="../../studio/ui/composer/options.py" line="252" />
      <location filename="../../studio/ui/composer/options.py" line="253" />
      <location filename="../../studio/ui/composer/options.py" line="254" />
      <location filename="../../studio/ui/composer/options.py" line="256" />
      <source>Default</source>
      <translation>默认</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="30" />
      <source>Fidelity</source>
      <translation>保真度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="241" />
      <source>Fixed: this model's name sets the resolution.</source>
      <translation>固定：分辨率由此模型的名称决定。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="150" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="34" />
      <source>Frames</source>
      <translation>帧</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="248" />
      <source>From the ratio</source>
      <translation>按宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="48" />
      <source>How closely an edit keeps the reference images (input fidelity).</source>
      <translation>编辑时对参考图的保留程度（输入保真度）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="82" />
      <source>How long each frame of the gif is shown.</source>
      <translation>gif 每帧显示多久。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="60" />
      <source>How long the model thinks before it draws: high for complex scenes, minimal for speed.</source>
      <translation>模型作画前思考多久：复杂场景用 high，求快用 minimal。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="76" />
      <source>How many frames the gif has.</source>
      <translation>gif 的帧数。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="56" />
      <source>How much detail the model works into the image; high is its default.</source>
      <translation>模型在图中加入多少细节；默认是 high。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="115" />
      <source>How much the provider's safety filter lets through: 0 is the strictest.</source>
      <translation>服务商安全过滤的宽松程度：0 最严格。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="52" />
      <source>How strictly the provider filters what it makes; low filters less.</source>
      <translation>服务商对生成内容的过滤强度；low 过滤更少。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="124" />
      <source>How the request travels to the relay. Automatic uses the catalog's choice.</source>
      <translation>请求发送到中转站所用的方式。“自动”采用模型目录的选择。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="146" />
      <source>Images</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="116" />
      <source>Leave empty for a random seed; the same seed repeats a look.</source>
      <translation>留空则使用随机种子；相同的种子可复现相同的效果。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="96" />
      <source>Let the model make a series of related images from one request (one job). Each image may be billed.</source>
      <translation>让模型通过一次请求生成一组相关的图片（一个任务）。每张图都可能计费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="32" />
      <source>Moderation</source>
      <translation>审核</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="156" />
      <source>Off</source>
      <translation>关</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="155" />
      <source>On</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="160" />
      <source>Protocol</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="148" />
      <source>Quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="143" />
      <source>Ratio</source>
      <translation>宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="144" />
      <source>Resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="38" />
      <source>Safety</source>
      <translation>安全</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="152" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="36" />
      <source>Series</source>
      <translation>组图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="90" />
      <source>Several images, up to</source>
      <translation>生成多张，最多</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="145" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="149" />
      <source>Style</source>
      <translation>风格</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="283" />
      <source>The catalog does not list {protocol} for this model. It is sent that way if you choose it, with a note: you know your relay.</source>
      <translation>目录没有为此模型列出 {protocol}。如果你选择它，请求就按此发送，并附上说明：你最了解自己的中转。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="35" />
      <source>Thinking</source>
      <translation>思考</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="81" />
      <source>W:H, e.g. 7:4</source>
      <translation>宽:高，例如 7:4</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/late_options.py" line="37" />
      <source>Watermark</source>
      <translation>水印</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="112" />
      <source>random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/options.py" line="278" />
      <source>{protocol} (not listed for this model)</source>
      <translation>{protocol}（目录未为此模型列出）</translation>
    </message>
  </context>
  <context>
    <name>ComposerPrompt</name>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="209" />
      <source>No prompts yet: the ones you send appear here.</source>
      <translation>还没有提示词：发送过的提示词会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="238" />
      <source>No recent prompt contains “{text}”.</source>
      <translation>最近的提示词中没有包含“{text}”的。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/prompt.py" line="184" />
      <source>Search recent prompts…</source>
      <translation>搜索最近的提示词…</translation>
    </message>
  </context>
  <context>
    <name>ComposerReferences</name>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="365" />
      <source>Add reference images</source>
      <translation>添加参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="103" />
      <source>Add reference images (or drop or paste them here)</source>
      <translation>添加参考图（也可拖放或粘贴到此处）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="354" />
      <source>Drop images here, paste them (Ctrl+V) or click +.</source>
      <translation>将图像拖放到此处、粘贴（Ctrl+V）或点击 +。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="368" />
      <source>Images ({patterns})</source>
      <translation>图像 ({patterns})</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="328" />
      <source>Not added: {names}.</source>
      <translation>未添加：{names}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="175" />
      <source>Not an image: {names}.</source>
      <translation>不是图像：{names}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="191" />
      <source>Nothing to paste: copy an image, an image file or a link to an image first.</source>
      <translation>没有可粘贴的内容：请先复制图像、图像文件或图像链接。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="86" />
      <source>References</source>
      <translation>参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="348" />
      <source>Remove the dimmed ones to generate.</source>
      <translation>移除变暗的参考图后即可生成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="345" />
      <source>Remove them to generate.</source>
      <translation>移除这些参考图后即可生成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="207" />
      <source>The pasted image could not be read.</source>
      <translation>无法读取粘贴的图像。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="335" />
      <source>not used</source>
      <translation>不适用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="323" />
      <source>{model} does not take reference images.</source>
      <translation>{model} 不接受参考图。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="55" />
      <source>{model} takes at most {limit} reference images.</source>
      <translation>{model} 最多接受 {limit} 张参考图。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/references.py" line="54" />
      <source>{model} takes only one reference image.</source>
      <translation>{model} 只接受一张参考图。</translation>
    </message>
  </context>
  <context>
    <name>ComposerRequestPreview</name>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="90" />
      <source>(this profile has no API key: no key header is sent)</source>
      <translation>（此配置没有 API 密钥：不会发送密钥请求头）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="116" />
      <source>Files:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="103" />
      <source>Stand-ins above for links the studio downloads when it sends:</source>
      <translation>上面的占位内容对应以下链接，Studio 会在发送时下载：</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="111" />
      <source>Text fields:</source>
      <translation>文本字段：</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="121" />
      <source>downloaded from {url} when sent</source>
      <translation>发送时从 {url} 下载</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="123" />
      <source>{count} bytes</source>
      <translation>{count} 字节</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/request_text.py" line="57" />
      <source>…(+{count} chars)</source>
      <translation>…(+{count} 个字符)</translation>
    </message>
  </context>
  <context>
    <name>ComposerSources</name>
    <message>
      <location filename="../../studio/ui/composer/sources.py" line="98" />
      <source>dropped image</source>
      <translation>拖入的图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/sources.py" line="98" />
      <source>pasted image</source>
      <translation>粘贴的图像</translation>
    </message>
  </context>
  <context>
    <name>ComposerTile</name>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="90" />
      <source>#{number} · {name}
{where}
Double-click to preview; drag to reorder.</source>
      <translation>#{number} · {name}
{where}
双击预览；拖动可调整顺序。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="234" />
      <source>Expand canvas…</source>
      <translation>扩展画布…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="232" />
      <source>Makes this image #1 and opens the mask painter on it</source>
      <translation>将此图设为 #1 并在其上打开蒙版绘制</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="229" />
      <source>Paint a mask…</source>
      <translation>绘制蒙版…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="93" />
      <source>Reference {number}: {name}</source>
      <translation>参考图 {number}：{name}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="74" />
      <source>Remove (Delete)</source>
      <translation>移除（Delete）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="242" />
      <source>Takes this image out of the references: it is drawn over reference #1</source>
      <translation>把这张图移出参考图：它将覆盖在 1 号参考图上</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="239" />
      <source>Use as markup overlay</source>
      <translation>用作标注叠加图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="146" />
      <source>link</source>
      <translation>链接</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="89" />
      <source>pasted or dropped image</source>
      <translation>粘贴或拖入的图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="148" />
      <source>unreadable</source>
      <translation>无法读取</translation>
    </message>
    <message>
      <location filename="../../studio/ui/composer/tile.py" line="87" />
      <source>“{name}” could not be read as an image.</source>
      <translation>无法将“{name}”作为图像读取。</translation>
    </message>
  </context>
  <context>
    <name>ConnectionTest</name>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="47" />
      <source>Ask the relay for its model list: is it reachable, does it accept the key?</source>
      <translation>向中转站请求模型列表，检查能否连通、是否接受密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="118" />
      <source>Key accepted: no — this profile has no key yet.</source>
      <translation>密钥有效：否 — 此配置还没有密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="125" />
      <source>Key accepted: no — {reason}</source>
      <translation>密钥有效：否 — {reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="116" />
      <source>Key accepted: not checked</source>
      <translation>密钥有效：未检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="120" />
      <source>Key accepted: unknown — {reason}</source>
      <translation>密钥有效：未知 — {reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="123" />
      <source>Key accepted: yes</source>
      <translation>密钥有效：是</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="131" />
      <source>Models: unknown</source>
      <translation>模型：未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="135" />
      <source>Models: {offered} offered ({known} known to the catalog)</source>
      <translation>模型：提供 {offered} 个（其中 {known} 个在模型目录中）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="111" />
      <source>Reachable: no — {reason}</source>
      <translation>可连通：否 — {reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="108" />
      <source>Reachable: yes</source>
      <translation>可连通：是</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="45" />
      <location filename="../../studio/ui/settings/connection_test.py" line="101" />
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="101" />
      <source>Testing…</source>
      <translation>正在测试…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/connection_test.py" line="143" />
      <source>The relay said: {message}</source>
      <translation>中转站返回：{message}</translation>
    </message>
  </context>
  <context>
    <name>Crash</name>
    <message>
      <location filename="../../studio/ui/crash.py" line="36" />
      <source>Something went wrong</source>
      <translation>出现问题</translation>
    </message>
    <message>
      <location filename="../../studio/ui/crash.py" line="41" />
      <source>Something went wrong inside the studio ({kind}). Your images and history are safe.</source>
      <translation>Studio 内部出现问题（{kind}）。你的图像和历史记录不受影响。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/crash.py" line="48" />
      <source>The details were written to the log in {folder}. If it happens again, please send that file to us.</source>
      <translation>详细信息已写入 {folder} 中的日志。如果问题再次出现，请将该文件发送给我们。</translation>
    </message>
  </context>
  <context>
    <name>DetailBars</name>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="61" />
      <source>Actual pixels (1:1)</source>
      <translation>1:1（原始大小）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="74" />
      <source>Compare with a reference or another result</source>
      <translation>与参考图或其他结果对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="102" />
      <source>Copy the image</source>
      <translation>复制图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="103" />
      <source>Copy the prompt</source>
      <translation>复制提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="99" />
      <source>Edit with a mask…</source>
      <translation>用蒙版编辑…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="100" />
      <source>Expand the canvas (outpainting)…</source>
      <translation>扩展画布（外绘）…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="104" />
      <source>Export with its settings…</source>
      <translation>连同设置一起导出…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="107" />
      <location filename="../../studio/ui/detail/bars.py" line="138" />
      <source>Favourite</source>
      <translation>收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="59" />
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="108" />
      <source>Move to the trash</source>
      <translation>移到回收站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="105" />
      <source>Open the containing folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="138" />
      <source>Remove from favourites</source>
      <translation>取消收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="96" />
      <source>Reuse these settings in the composer</source>
      <translation>在创作面板中复用这些设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="83" />
      <source>Show the masked area (where the edit was asked)</source>
      <translation>显示蒙版区域（要求编辑的位置）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="97" />
      <source>Use as a reference image</source>
      <translation>用作参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="98" />
      <source>Variations: more images like this one</source>
      <translation>变体：生成更多类似的图片</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="79" />
      <source>What to compare with</source>
      <translation>对比对象</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="64" />
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="63" />
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="47" />
      <source>{action} ({keys})</source>
      <translation>{action}（{keys}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/bars.py" line="90" />
      <source>{percent} %</source>
      <translation>{percent}%</translation>
    </message>
  </context>
  <context>
    <name>DetailFacts</name>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="30" />
      <source>background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="29" />
      <source>format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="37" />
      <source>images: {count}</source>
      <translation>图像数：{count}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="31" />
      <source>layout</source>
      <translation>布局</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="32" />
      <source>operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="26" />
      <source>quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="23" />
      <source>ratio</source>
      <translation>宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="47" />
      <source>reference images: {count}</source>
      <translation>参考图：{count} 张</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="25" />
      <source>resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="28" />
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="24" />
      <source>size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="27" />
      <source>style</source>
      <translation>风格</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="49" />
      <source>with a mask</source>
      <translation>带蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="67" />
      <source>{count} in all</source>
      <translation>共 {count}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="65" />
      <source>{count} out</source>
      <translation>输出 {count}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="63" />
      <source>{count} tokens in</source>
      <translation>输入 {count} 个 token</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="113" />
      <source>{label} ({model})</source>
      <translation>{label}（{model}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="35" />
      <location filename="../../studio/ui/detail/facts.py" line="40" />
      <source>{name} {value}</source>
      <translation>{name} {value}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="101" />
      <source>{width} × {height} px · {kind} · {size}</source>
      <translation>{width} × {height} px · {kind} · {size}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="92" />
      <source>≈ {price} per image (list price)</source>
      <translation>每张约 {price}（标价）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/facts.py" line="93" />
      <source>≈ {price} per image, {total} for this job's {count} images (list price)</source>
      <translation>每张约 {price}，本任务 {count} 张共约 {total}（标价）</translation>
    </message>
  </context>
  <context>
    <name>DetailInfo</name>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="137" />
      <source>(no prompt)</source>
      <translation>（无提示词）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="118" />
      <source>Cost</source>
      <translation>费用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="115" />
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="101" />
      <source>DETAILS</source>
      <translation>详细信息</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="116" />
      <source>Image</source>
      <translation>图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="113" />
      <source>Inputs</source>
      <translation>输入</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="205" />
      <source>Keep original outside the mask</source>
      <translation>保留蒙版外的原图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="208" />
      <source>Makes a new image: the relay's result inside the mask, your original everywhere else (with a soft edge). This image stays as it is.</source>
      <translation>生成一张新图像：蒙版内使用中转站返回的结果，其余部分保留你的原图（边缘柔和过渡）。当前图像保持不变。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="231" />
      <source>Making the new image…</source>
      <translation>正在生成新图像…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="110" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="87" />
      <source>NEGATIVE PROMPT</source>
      <translation>反向提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="84" />
      <source>PROMPT</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="114" />
      <source>Profile</source>
      <translation>配置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="111" />
      <source>Protocol</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="91" />
      <source>REVISED BY THE RELAY</source>
      <translation>中转站改写后的提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="112" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="96" />
      <source>THE MODEL ALSO SAID</source>
      <translation>模型还回复了</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/info.py" line="117" />
      <source>Usage</source>
      <translation>用量</translation>
    </message>
  </context>
  <context>
    <name>DetailPanel</name>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="250" />
      <source>Compare with a reference or another result</source>
      <translation>与参考图或其他结果对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="252" />
      <source>Nothing to compare with: this job had no reference and one result.</source>
      <translation>没有可对比的图像：此任务没有参考图，且只有一个结果。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="61" />
      <source>Select an image to see it here.</source>
      <translation>选择一张图像，即可在此查看。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="364" />
      <source>Sent to Midjourney: {label}</source>
      <translation>已发送到 Midjourney：{label}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="300" />
      <source>Show the masked area (where the edit was asked)</source>
      <translation>显示蒙版区域（要求编辑的位置）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="221" />
      <source>The image file could not be read.</source>
      <translation>无法读取图像文件。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="287" />
      <source>This image</source>
      <translation>此图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="302" />
      <source>This job had no mask.</source>
      <translation>此任务没有使用蒙版。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/panel.py" line="284" />
      <source>{name} could not be read.</source>
      <translation>无法读取 {name}。</translation>
    </message>
  </context>
  <context>
    <name>DetailSources</name>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="37" />
      <source>Original result</source>
      <translation>原始结果</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="41" />
      <source>Reference {number}</source>
      <translation>参考图 {number}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="51" />
      <source>Repaired result {number}</source>
      <translation>修复后的结果 {number}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="49" />
      <source>Result {number}</source>
      <translation>结果 {number}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="67" />
      <source>The new image could not be made. The details are in the log.</source>
      <translation>无法生成新图像。详细信息见日志。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/sources.py" line="64" />
      <source>The original image or the mask of this job is no longer in the history.</source>
      <translation>此任务的原图或蒙版已不在历史记录中。</translation>
    </message>
  </context>
  <context>
    <name>DoctorPanel</name>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="69" />
      <source>Async route {path}</source>
      <translation>异步路由 {path}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="56" />
      <source>Billing: subscription</source>
      <translation>账单：订阅</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="57" />
      <source>Billing: usage</source>
      <translation>账单：用量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="109" />
      <source>Check relay</source>
      <translation>检查中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="179" />
      <source>Checking, then estimating the paid checks…</source>
      <translation>正在检查，然后估算付费检查的费用…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="167" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="59" />
      <source>Clock</source>
      <translation>时钟</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="53" />
      <source>Encryption (TLS)</source>
      <translation>加密（TLS）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="262" />
      <source>Estimated cost: about {amount} {currency} at the catalog's list prices.</source>
      <translation>预计费用：按模型目录的标价约 {amount} {currency}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="112" />
      <source>Free checks of the saved settings: reachable, encryption, key, models, async and billing endpoints, a proxy in the way, the clock. Nothing is billed.</source>
      <translation>按已保存的设置进行免费检查：可否连接、加密、密钥、模型、异步和账单接口、中间的代理、时钟。不会产生任何费用。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="60" />
      <source>Generation</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="71" />
      <source>Generation ({protocol})</source>
      <translation>生成（{protocol}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="54" />
      <source>Key accepted</source>
      <translation>密钥被接受</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="340" />
      <source>Last checked: {date}</source>
      <translation>上次检查：{date}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="61" />
      <source>Mask honoured</source>
      <translation>遵守蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="55" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="334" />
      <source>Not checked yet.</source>
      <translation>尚未检查。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="78" />
      <source>OK</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="199" />
      <source>Paid checks need a relay that answers and accepts the key.</source>
      <translation>付费检查要求中转站能够应答并接受密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="293" />
      <source>Paid checks were not run.</source>
      <translation>未运行付费检查。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="78" />
      <source>Problem</source>
      <translation>有问题</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="58" />
      <source>Proxy</source>
      <translation>代理</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="62" />
      <source>Ratio honoured</source>
      <translation>遵守比例</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="52" />
      <source>Reachable</source>
      <translation>可连接</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="271" />
      <source>Run paid checks</source>
      <translation>运行付费检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="118" />
      <source>Run paid checks…</source>
      <translation>运行付费检查…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="310" />
      <source>Running the paid checks: the jobs appear in the gallery…</source>
      <translation>正在运行付费检查：这些任务会显示在图库中…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="151" />
      <source>Save the relay first, then check it.</source>
      <translation>请先保存中转站，再进行检查。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="283" />
      <source>Send and check</source>
      <translation>发送并检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="120" />
      <source>Send the smallest real requests to see whether the relay honours a mask, the ratio, several images and transparency. Asks first, showing the cost.</source>
      <translation>发送最小的真实请求，查看中转站是否遵守蒙版、比例、多张图片和透明背景。会先显示费用并征得同意。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="272" />
      <source>Send {count} paid requests to “{name}”? They are billed like any job.</source>
      <translation>向“{name}”发送 {count} 个付费请求吗？它们会像普通任务一样计费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="63" />
      <source>Several images (n)</source>
      <translation>多张图片（n）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="237" />
      <source>The check could not run: {reason}</source>
      <translation>无法运行检查：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="242" />
      <source>The findings could not be stored ({reason}).</source>
      <translation>无法保存检查结果（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="347" />
      <source>The paid checks cost about {amount} {currency} at list prices.</source>
      <translation>按标价计算，付费检查约花费 {amount} {currency}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="64" />
      <source>Transparency</source>
      <translation>透明背景</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="77" />
      <source>Unclear</source>
      <translation>不确定</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="299" />
      <source>Waiting for your answer…</source>
      <translation>正在等待您的答复…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="254" />
      <source>{check}: {model} via {protocol}, {count} image(s)</source>
      <translation>{check}：{model} 经 {protocol}，{count} 张图片</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/doctor_panel.py" line="266" />
      <source>{count} request(s) have no list price.</source>
      <translation>有 {count} 个请求没有标价。</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../studio/engine/plan.py" line="117" />
      <source>A Midjourney follow-up needs the finished task it belongs to: use the buttons under that image.</source>
      <translation>Midjourney 的后续操作需要它所属的已完成任务：请使用该图片下方的按钮。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="100" />
      <source>A jpeg cannot be transparent (the relay refuses it). Choose png or webp for a transparent background.</source>
      <translation>jpeg 不能透明（中转会拒绝）。透明背景请选择 png 或 webp。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="110" />
      <source>A markup overlay cannot go together with a mask: remove one of them.</source>
      <translation>标注叠加图不能与蒙版同时使用：请移除其中之一。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="113" />
      <source>A markup overlay needs the image it is drawn on: add that image as the first reference.</source>
      <translation>标注叠加图需要它所标注的那张图：请把该图添加为第一张参考图。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="65" />
      <source>A mask cannot be sent through {protocol}. Use the images protocol for mask edits.</source>
      <translation>蒙版无法通过 {protocol} 发送。蒙版编辑请使用 images 协议。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="68" />
      <source>A mask needs the image it applies to: add that image as the first reference.</source>
      <translation>蒙版需要它所对应的图像：请将该图像添加为第一张参考图。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="239" />
      <source>All margins are zero, so there is nothing to add to “{name}”. Enter a margin for at least one side.</source>
      <translation>所有边距都为 0，“{name}”没有可扩展的区域。请至少为一边输入边距。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="72" />
      <source>Another program keeps the history database locked, so the request could not be recorded. Close that program (or wait), then try again.</source>
      <translation>另一个程序一直锁定着历史数据库，因此无法记录此请求。请关闭该程序（或稍候），然后再试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="57" />
      <source>Cancelled after it was sent. The relay may still make the image.</source>
      <translation>已在发送之后取消。中转可能仍会生成图像。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="56" />
      <source>Cancelled before it was sent.</source>
      <translation>发送之前已取消。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runs.py" line="39" />
      <source>Choose at least one target: a model, and its relay.</source>
      <translation>请至少选择一个目标：一个模型及其中转站。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="84" />
      <source>Compression applies to jpeg and webp output only. Choose one of them as the output format, or leave compression out.</source>
      <translation>压缩率只适用于 jpeg 和 webp 输出。请选择其中一种输出格式，或不设置压缩率。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/check.py" line="20" />
      <source>Could not connect to the relay ({reason}). Check the base URL, your network or proxy.</source>
      <translation>无法连接到中转站（{reason}）。请检查 Base URL、网络或代理。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="57" />
      <source>Could not connect to the relay at {host}. Check the base URL, your network or proxy, then retry.</source>
      <translation>无法连接到位于 {host} 的中转。请检查基础 URL、网络或代理，然后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="100" />
      <source>Could not download image {number} from the relay ({reason}). The relay made it and its link is kept: Resume downloads it again, without sending anything new.</source>
      <translation>无法从中转下载第 {number} 张图像（{reason}）。中转已生成它，链接已保留：点击“继续”会重新下载，不会发送任何新请求。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="92" />
      <source>Could not download the image from the relay ({reason}), even after trying for a while.</source>
      <translation>即使尝试了一段时间，仍无法从中转下载图像（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="84" />
      <source>Could not reach the relay to check on the task ({reason}). It will be checked again.</source>
      <translation>无法连接中转站查询任务状态（{reason}）。稍后会再次查询。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="110" />
      <source>Could not record image {number}: another program keeps the history database locked. The image is kept and is recorded when you press Retry save (or the next time the studio starts).</source>
      <translation>无法记录第 {number} 张图像：另一个程序一直锁定着历史数据库。图像已保留，点击“重新保存”（或下次启动工作室）时会记录。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="105" />
      <source>Could not save image {number}: {reason}. The image is kept: free some space or fix the folder's permissions, then press Retry save.</source>
      <translation>无法保存第 {number} 张图像：{reason}。图像已保留：请腾出空间或修正文件夹权限，然后点击“重新保存”。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="116" />
      <source>Image {number} arrived inside the relay's answer, but the studio stopped before it could keep it.</source>
      <translation>第 {number} 张图像随中转的应答一起到达，但工作室在保留它之前停止了。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/errors.py" line="53" />
      <source>It may have been billed: check the relay's usage log before you send it again.</source>
      <translation>可能已经计费：再次发送之前，请先查看中转的使用记录。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="232" />
      <source>Margins cannot be negative. Enter zero or more pixels for each side.</source>
      <translation>边距不能为负数。请为每一边输入 0 或更多像素。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="57" />
      <source>Midjourney accepted the request but sent no task id, so its result cannot be fetched.</source>
      <translation>Midjourney 接受了请求，但没有返回任务 ID，因此无法获取结果。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="44" />
      <source>Midjourney refused the prompt (banned words or images). Change it and retry.</source>
      <translation>Midjourney 拒绝了此提示词（含违禁词或违规图像）。请修改后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="50" />
      <source>Midjourney rejected the request (code {code}). Its reason is shown below.</source>
      <translation>Midjourney 拒绝了此请求（代码 {code}）。原因见下方。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="103" />
      <source>Midjourney requests take no extra fields: remove them from the settings for {model}, or choose another protocol.</source>
      <translation>Midjourney 请求不接受额外字段：请从 {model} 的设置中删除它们，或选择其他协议。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="71" />
      <source>Midjourney takes a mask only for Vary (Region) on a finished image.</source>
      <translation>Midjourney 仅在对已完成的图像执行 Vary (Region) 时接受蒙版。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="47" />
      <source>Midjourney's queue is full right now; retry in a minute.</source>
      <translation>Midjourney 的队列现在已满；请一分钟后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/resolver.py" line="37" />
      <source>No relay is configured. Set STUDIO_BASE_URL and STUDIO_API_KEY, or pass --profile NAME.</source>
      <translation>尚未配置中转服务。请设置 STUDIO_BASE_URL 和 STUDIO_API_KEY，或传入 --profile 名称。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/errors.py" line="49" />
      <source>Nothing was sent, so nothing was billed.</source>
      <translation>没有发送任何内容，因此没有计费。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="82" />
      <source>Something went wrong inside the studio ({what}). The details are in the log.</source>
      <translation>Studio 内部出现问题（{what}）。详细信息见日志。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="25" />
      <source>The API key contains the non-ASCII character “{character}” ({code}). A key is letters, digits and punctuation only: copy it again from the relay and paste just the key.</source>
      <translation>API 密钥中含有非 ASCII 字符“{character}”（{code}）。密钥只由字母、数字和标点组成：请从中转站重新复制，只粘贴密钥本身。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="20" />
      <source>The API key contains {what} ({code}), a character you cannot see. A key is letters, digits and punctuation only: copy it again from the relay and paste just the key.</source>
      <translation>API 密钥中含有{what}（{code}），这是一个看不见的字符。密钥只由字母、数字和标点组成：请从中转站重新复制，只粘贴密钥本身。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="15" />
      <source>The API key contains {what}. A key is letters, digits and punctuation only: copy it again from the relay and paste just the key.</source>
      <translation>API 密钥中含有{what}。密钥只由字母、数字和标点组成：请从中转站重新复制，只粘贴密钥本身。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="113" />
      <source>The API key is empty; nothing was saved.</source>
      <translation>API 密钥为空，未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="53" />
      <source>The Midjourney task failed.</source>
      <translation>Midjourney 任务失败。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/midjourney.py" line="54" />
      <source>The Midjourney task finished without an image. Check the relay's task log.</source>
      <translation>Midjourney 任务已结束，但没有返回图像。请查看中转站的任务日志。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="74" />
      <source>The async poll path {path} must contain {{task_id}}, e.g. /v1/images/tasks/{{task_id}}.</source>
      <translation>异步轮询路径 {path} 必须包含 {{task_id}}，例如 /v1/images/tasks/{{task_id}}。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="46" />
      <source>The base URL {url} is not a valid http:// or https:// address with a host name, e.g. https://relay.example/v1.</source>
      <translation>Base URL {url} 不是有效的 http:// 或 https:// 地址（需包含主机名），例如 https://relay.example/v1。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="77" />
      <source>The base URL {url} is not a valid http:// or https:// address. Fix it in the profile.</source>
      <translation>Base URL {url} 不是有效的 http:// 或 https:// 地址。请在配置中修改。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="57" />
      <source>The budget currency must be a three-letter code such as USD or CNY (got {value}).</source>
      <translation>预算币种必须是三个字母的代码，例如 USD 或 CNY（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="60" />
      <source>The concurrency must be a whole number of at least 1 (got {value}).</source>
      <translation>并发数必须是不小于 1 的整数（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="72" />
      <source>The connection broke while the request was being sent. It was not sent again; retry when the network is stable.</source>
      <translation>发送请求时连接中断。请求没有重新发送；请在网络稳定后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="67" />
      <source>The connection to the relay broke before its answer arrived. The image may still have been made; the request was not sent again.</source>
      <translation>在中转的应答到达之前，连接中断了。图像可能仍已生成；请求没有被再次发送。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="169" />
      <source>The expanded canvas cannot fit within {limit} megapixels. Choose a less extreme ratio or a smaller size.</source>
      <translation>扩展后的画布无法控制在 {limit} 百万像素以内。请选择不那么极端的比例或更小的尺寸。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="108" />
      <source>The extra field {name} for {model} looks like a secret. Keys belong in the API key field; they are never written to the profiles file.</source>
      <translation>{model} 的额外字段 {name} 看起来像密钥。密钥应填在 API 密钥栏中；它们绝不会写入配置文件。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="98" />
      <source>The extra fields for {model} cannot set {names}: the studio sends those itself (the composer's options set them).</source>
      <translation>{model} 的额外字段不能设置 {names}：这些由工作室自己发送（由编辑区的选项设置）。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="94" />
      <source>The extra fields for {model} must be a JSON object, e.g. {{"channel": "official"}}.</source>
      <translation>{model} 的额外字段必须是 JSON 对象，例如 {{"channel": "official"}}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="28" />
      <source>The file name of reference image {number} contains bytes that are not UTF-8 text. Rename the file and add it again.</source>
      <translation>参考图 {number} 的文件名中含有不是 UTF-8 文本的字节。请重命名该文件后重新添加。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="43" />
      <source>The folder {path} cannot be created or written: {reason}.</source>
      <translation>文件夹 {path} 无法创建或写入：{reason}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="89" />
      <source>The frame count and frame duration apply to gif output only. Choose gif as the output format, or leave them out.</source>
      <translation>帧数和每帧时长只适用于 gif 输出。请选择 gif 作为输出格式，或不设置它们。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="95" />
      <source>The image at the link is larger than {limit} MB; it was not downloaded.</source>
      <translation>链接指向的图像超过 {limit} MB，未下载。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="87" />
      <source>The image link has expired or is gone (HTTP {status}, still after {attempts} tries). Relays keep results for a limited time, often about an hour.</source>
      <translation>图像链接已过期或不存在（HTTP {status}，尝试 {attempts} 次后仍然如此）。中转只在有限时间内保留结果，通常约一小时。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/markup.py" line="21" />
      <source>The markup overlay “{name}” is {width}×{height} pixels, but the first image is {image_width}×{image_height}: draw the overlay with the first image's proportions.</source>
      <translation>标注叠加图“{name}”为 {width}×{height} 像素，而第一张图为 {image_width}×{image_height}：请按第一张图的比例绘制叠加图。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="116" />
      <source>The mask “{mask}” is {mask_width}×{mask_height} pixels but the first image is {image_width}×{image_height}. The mask must be exactly the size of the first image.</source>
      <translation>蒙版“{mask}”为 {mask_width}×{mask_height} 像素，但第一张图像为 {image_width}×{image_height}。蒙版尺寸必须与第一张图像完全一致。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="95" />
      <source>The mask “{mask}” is {mask_width}×{mask_height} pixels but “{image}” is {image_width}×{image_height}. The mask must be exactly the size of the first image.</source>
      <translation>蒙版“{mask}”为 {mask_width}×{mask_height} 像素，但“{image}”为 {image_width}×{image_height}。蒙版尺寸必须与第一张图像完全一致。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="81" />
      <source>The mask “{name}” marks no area to edit. Paint the area to change in white (or make it transparent) and try again.</source>
      <translation>蒙版“{name}”没有标出需要编辑的区域。请将要修改的区域涂成白色（或设为透明），然后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="33" />
      <source>The mask's file name contains bytes that are not UTF-8 text. Rename the file and add it again.</source>
      <translation>蒙版的文件名中含有不是 UTF-8 文本的字节。请重命名该文件后重新添加。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="95" />
      <source>The model accepts only {formats} images, which the studio cannot create.</source>
      <translation>该模型只接受 {formats} 格式的图像，Studio 无法生成这种格式。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="74" />
      <source>The model answered in words instead of an image: “{text}”</source>
      <translation>模型返回了文字而不是图像：“{text}”</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/gemini.py" line="33" />
      <source>The model finished without an image ({reason}). Try again or rephrase the prompt.</source>
      <translation>模型已结束，但没有生成图像（{reason}）。请重试，或改写提示词。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="86" />
      <source>The name sent for {model} cannot be “{name}”: use the relay's own model name, without spaces.</source>
      <translation>{model} 发送的名称不能是“{name}”：请使用中转站自己的模型名称，不含空格。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="206" />
      <source>The new canvas ({width}×{height}) is smaller than “{name}” ({image_width}×{image_height}). Choose a size at least as large as the image.</source>
      <translation>新画布（{width}×{height}）比“{name}”（{image_width}×{image_height}）小。请选择不小于图片的尺寸。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="220" />
      <source>The new canvas is exactly the size of “{name}”, so there is nothing to add. Choose a larger size.</source>
      <translation>新画布与“{name}”大小完全相同，没有可扩展的区域。请选择更大的尺寸。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="63" />
      <source>The number of drafts while streaming must be 0, 1, 2 or 3 (got {value}).</source>
      <translation>流式传输时的草图数量必须是 0、1、2 或 3（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="105" />
      <source>The number of images in a series applies only to a series: set the image series to auto, or leave the number out.</source>
      <translation>组图张数只在组图模式下有效：请把组图设为 auto，或不设置张数。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="41" />
      <source>The profile name “{name}” is not valid: use letters, digits, spaces and - _ . (at most {limit} characters, not starting or ending with a space).</source>
      <translation>配置名称“{name}”无效：只能使用文字、数字、空格和 - _ .（最多 {limit} 个字符，开头和结尾不能是空格）。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="119" />
      <source>The profiles could not be saved to {path}: {reason}.</source>
      <translation>无法将配置保存到 {path}：{reason}。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="114" />
      <source>The profiles file {path} cannot be read: {reason}. It was left unchanged; fix it or move it away, then try again.</source>
      <translation>无法读取配置文件 {path}：{reason}。该文件未作改动；请修复该文件或将其移走，然后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="50" />
      <source>The prompt has {length} characters; {model} takes at most {limit}.</source>
      <translation>提示词有 {length} 个字符，而 {model} 最多接受 {limit} 个。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/gemini.py" line="30" />
      <source>The provider blocked this request ({reason}). Change the prompt or images.</source>
      <translation>服务商拦截了此请求（{reason}）。请修改提示词或图像。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="58" />
      <source>The provider refused this request for safety reasons. Change the prompt or images.</source>
      <translation>服务商出于安全原因拒绝了此请求。请修改提示词或图像。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="66" />
      <source>The proxy {url} is not a valid address such as http://127.0.0.1:7890 or socks5://127.0.0.1:1080.</source>
      <translation>代理 {url} 不是有效的地址，应类似 http://127.0.0.1:7890 或 socks5://127.0.0.1:1080。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="20" />
      <source>The ratio {value} is not of the form W:H, e.g. 16:9.</source>
      <translation>宽高比 {value} 不符合“宽:高”格式，例如 16:9。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="45" />
      <source>The relay accepted the request but sent no task id, so its result cannot be fetched.</source>
      <translation>中转接受了请求，但没有返回任务 ID，因此无法获取结果。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="77" />
      <source>The relay answered with an error (HTTP {status}).</source>
      <translation>中转站返回了错误（HTTP {status}）。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/chat.py" line="29" />
      <source>The relay answered without an image or text.</source>
      <translation>中转的应答中既没有图像也没有文字。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/images.py" line="34" />
      <source>The relay answered without an image.</source>
      <translation>中转的应答中没有图像。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="43" />
      <source>The relay did not accept the API key (HTTP {status}). Check the key in the profile.</source>
      <translation>中转站不接受此 API 密钥（HTTP {status}）。请检查配置中的密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="62" />
      <source>The relay did not answer within {seconds} s. The request was not sent again; async mode avoids this for slow models.</source>
      <translation>中转在 {seconds} 秒内没有应答。请求没有被再次发送；对于较慢的模型，异步模式可以避免这种情况。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="95" />
      <source>The relay does not answer about task {task_id} ({reason}). The task id is kept: Resume asks again, without sending anything new.</source>
      <translation>中转没有回应任务 {task_id} 的状态（{reason}）。任务 ID 已保留：点击“继续”会再次查询，不会发送任何新请求。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="61" />
      <source>The relay does not offer the model {model}. Pick another model or check the profile.</source>
      <translation>中转站不提供模型 {model}。请选择其他模型，或检查配置。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="38" />
      <source>The relay failed while making the image (HTTP {status}). It may still have been made; the request was not sent again.</source>
      <translation>中转在生成图像时出错（HTTP {status}）。图像可能仍已生成；请求没有被再次发送。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="70" />
      <source>The relay has no such endpoint (HTTP {status} on {path}). Check the base URL and protocol.</source>
      <translation>中转站没有这个接口（{path} 返回 HTTP {status}）。请检查 Base URL 和协议。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="90" />
      <source>The relay has not finished task {task_id} within {seconds} s, the time limit for a job. It may still finish: Resume asks again, without sending anything new.</source>
      <translation>中转没有在 {seconds} 秒（单个任务的时间上限）内完成任务 {task_id}。它可能仍会完成：点击“继续”会再次查询，不会发送任何新请求。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="49" />
      <source>The relay is limiting requests (HTTP 429). Wait a moment, then retry.</source>
      <translation>中转站正在限制请求频率（HTTP 429）。请稍候再重试。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="52" />
      <source>The relay is limiting requests and asks to wait {seconds} s. Retry after that.</source>
      <translation>中转站正在限制请求频率，要求等待 {seconds} 秒。请在此之后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="55" />
      <source>The relay is unavailable right now (HTTP {status}); retry later.</source>
      <translation>中转暂时不可用（HTTP {status}）；请稍后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="80" />
      <source>The relay redirected the request to {location}. Use that address as the profile's base URL.</source>
      <translation>中转将请求重定向到了 {location}。请把该地址用作配置的基础 URL。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/errors.py" line="50" />
      <source>The relay refused it before doing any work: it was not billed.</source>
      <translation>中转在开始处理之前就拒绝了请求：没有计费。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="67" />
      <source>The relay rejected the request (HTTP {status}). Its reason is shown below.</source>
      <translation>中转站拒绝了此请求（HTTP {status}）。原因见下方。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="78" />
      <source>The relay reported an error instead of an image. Its reason is shown below.</source>
      <translation>中转站返回了错误而不是图像。原因见下方。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="49" />
      <source>The relay reports that the task failed.</source>
      <translation>中转站报告任务失败。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="46" />
      <source>The relay says the account has no credit left (HTTP {status}). Top it up, then retry.</source>
      <translation>中转站提示账户余额不足（HTTP {status}）。请充值后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="291" />
      <source>The relay sent a damaged or incomplete image.</source>
      <translation>中转站发来的图像已损坏或不完整。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="149" />
      <source>The relay sent a data URL that could not be read.</source>
      <translation>中转站发来的 data URL 无法读取。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="84" />
      <source>The relay sent a web page instead of an answer (HTTP {status}). The base URL may be wrong, or a proxy stepped in.</source>
      <translation>中转站返回了网页而不是 API 响应（HTTP {status}）。可能是 Base URL 有误，或请求被代理拦截。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="265" />
      <source>The relay sent a web page instead of an image.</source>
      <translation>中转站返回了网页而不是图像。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="81" />
      <source>The relay sent a {format} image, which the studio cannot show.</source>
      <translation>中转站发来的是 {format} 图像，Studio 无法显示。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="140" />
      <source>The relay sent a {format} image, which the studio cannot show. It is kept as it was sent: {path}</source>
      <translation>中转发来的是 {format} 图像，工作室无法显示。它已按原样保留：{path}</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="163" />
      <source>The relay sent an empty image.</source>
      <translation>中转站发来的图像为空。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="90" />
      <source>The relay sent an image that could not be decoded.</source>
      <translation>中转站发来的图像无法解码。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="283" />
      <source>The relay sent an image too large to open safely (more than {limit} megapixels).</source>
      <translation>中转站发来的图像过大，无法安全打开（超过 {limit} 百万像素）。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="81" />
      <source>The relay sent something that is not a valid answer (HTTP {status}). See below.</source>
      <translation>中转站返回的内容不是有效的响应（HTTP {status}）。详见下方。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="276" />
      <source>The relay sent something that is not an image.</source>
      <translation>中转站发来的内容不是图像。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/results.py" line="271" />
      <source>The relay sent text instead of an image.</source>
      <translation>中转站返回了文字而不是图像。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="101" />
      <source>The relay's answer could not be read ({reason}).</source>
      <translation>无法读取中转的应答（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="85" />
      <source>The relay's answer did not arrive within {seconds} s, the time limit for a job. The request was not sent again; the relay may still make the image.</source>
      <translation>中转的应答没有在 {seconds} 秒（单个任务的时间上限）内到达。请求没有被再次发送；中转可能仍会生成图像。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/transport.py" line="98" />
      <source>The relay's answer is larger than {limit} MB; the studio stopped reading it.</source>
      <translation>中转的应答超过 {limit} MB；工作室已停止读取。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/base.py" line="34" />
      <source>The relay's answer was not understood ({what}).</source>
      <translation>无法理解中转站的回复（{what}）。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/relay_errors.py" line="64" />
      <source>The request was too large for the relay (HTTP 413). Use fewer or smaller images.</source>
      <translation>请求超出了中转站的大小限制（HTTP 413）。请减少图像数量或使用更小的图像。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="77" />
      <source>The request's images could not be stored in {folder} ({reason}). Make room or fix the folder's permissions, then try again.</source>
      <translation>无法将请求的图像存入 {folder}（{reason}）。请腾出空间或修正文件夹权限，然后再试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="22" />
      <source>The resolution {value} is not one of {choices}.</source>
      <translation>分辨率 {value} 不在可选范围内：{choices}。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="90" />
      <source>The settings for {model} change nothing: give a name to send, a protocol or extra fields.</source>
      <translation>{model} 的设置没有改变任何内容：请填写发送的名称、协议或额外字段。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="38" />
      <source>The settings of this request could not be saved with its images ({reason}). Change the prompt or the options and try again.</source>
      <translation>此请求的设置无法随图片一起保存（{reason}）。请修改提示词或选项后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="49" />
      <source>The size {size} does not have the ratio {ratio}. Give one of them, or matching ones.</source>
      <translation>尺寸 {size} 与宽高比 {ratio} 不一致。请只指定其中一项，或让两者相符。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="21" />
      <source>The size {value} is not of the form WxH, e.g. 1024x1536.</source>
      <translation>尺寸 {value} 不符合“宽x高”格式，例如 1024x1536。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="86" />
      <location filename="../../studio/imaging/provenance.py" line="681" />
      <source>The studio is not allowed to read “{name}”. Check the file's permissions, or copy it to a folder you own.</source>
      <translation>Studio 无权读取“{name}”。请检查文件权限，或将其复制到你自己的文件夹中。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="67" />
      <source>The studio stopped after the relay's answer arrived, and what it delivered could not be kept. The images saved before that are in the history.</source>
      <translation>中转的应答到达之后工作室停止了，应答中的内容未能保留。在此之前已保存的图像都在历史记录中。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="60" />
      <source>The studio stopped before this request was sent; retry it.</source>
      <translation>工作室在发送此请求之前停止了；请重试。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/manager.py" line="63" />
      <source>The studio stopped while the relay was answering. It was not sent again.</source>
      <translation>工作室在中转应答期间停止了。请求没有被再次发送。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runs.py" line="35" />
      <source>The target {target} is not of the form MODEL or MODEL@PROFILE, e.g. gpt-image-1@relay-a.</source>
      <translation>目标 {target} 的格式不是 MODEL 或 MODEL@PROFILE，例如 gpt-image-1@relay-a。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="71" />
      <source>The webhook {url} is not a valid http:// or https:// address.</source>
      <translation>Webhook {url} 不是有效的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="127" />
      <source>The {option} cannot be sent through {protocol} for this request. Remove it, or choose another protocol or model.</source>
      <translation>此请求无法通过 {protocol} 发送{option}。请移除它，或选择其他协议或模型。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="54" />
      <source>The {protocol} protocol cannot {operation}.</source>
      <translation>{protocol} 协议不支持此操作：{operation}。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="78" />
      <source>The {setting} cannot be empty.</source>
      <translation>{setting} 不能为空。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="54" />
      <source>The {setting} must be a number of at least 0, or none (got {value}).</source>
      <translation>{setting}必须是不小于 0 的数字，或留空（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="51" />
      <source>The {setting} must be a number of seconds greater than 0 (got {value}).</source>
      <translation>{setting} 必须是大于 0 的秒数（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="23" />
      <source>The {what} contains bytes that are not UTF-8 text. Type it again, or convert the text to UTF-8.</source>
      <translation>{what}中含有不是 UTF-8 文本的字节。请重新输入，或将文本转换为 UTF-8。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="83" />
      <source>There are two settings for the model {model}; keep one of them.</source>
      <translation>模型 {model} 有两条设置；请只保留一条。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="37" />
      <source>There is no profile named {name}. Add it with: studio-cli profiles add {name} --base-url URL</source>
      <translation>没有名为 {name} 的配置。可用以下命令添加：studio-cli profiles add {name} --base-url URL</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="121" />
      <source>There is nothing left to fetch for this job: its kept results were lost when the studio stopped.</source>
      <translation>此任务已没有可获取的内容：工作室停止时，保留的结果已丢失。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/masks.py" line="147" />
      <source>This model cannot take a mask. Remove the mask or choose a model that supports editing with one.</source>
      <translation>此模型不接受蒙版。请移除蒙版，或选择支持蒙版编辑的模型。</translation>
    </message>
    <message>
      <location filename="../../studio/protocols/images_async.py" line="40" />
      <source>This relay has no async mode (HTTP {status} on {path}). Send the request without async mode, or fix the profile's async settings.</source>
      <translation>此中转没有异步模式（{path} 返回 HTTP {status}）。请不使用异步模式发送请求，或修正配置中的异步设置。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/budget.py" line="30" />
      <source>This request would pass the daily budget of {profile}: {spent} of {budget} {currency} spent today, this request about {estimate}. Send it anyway with --yes, or raise the budget.</source>
      <translation>此请求将超出 {profile} 的每日预算：今日已花费 {spent}/{budget} {currency}，此请求约 {estimate}。如仍要发送，请加 --yes，或提高预算。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/budget.py" line="35" />
      <source>This request would pass the monthly budget of {profile}: {spent} of {budget} {currency} spent this month, this request about {estimate}. Send it anyway with --yes, or raise the budget.</source>
      <translation>此请求将超出 {profile} 的每月预算：本月已花费 {spent}/{budget} {currency}，此请求约 {estimate}。如仍要发送，请加 --yes，或提高预算。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="49" />
      <source>Write a prompt first: it is empty.</source>
      <translation>请先填写提示词：当前为空。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="39" />
      <source>a byte order mark</source>
      <translation>字节顺序标记</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="43" />
      <source>a control character</source>
      <translation>控制字符</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="31" />
      <source>a line break</source>
      <translation>换行符</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="40" />
      <source>a non-breaking space</source>
      <translation>不换行空格</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="41" />
      <source>a soft hyphen</source>
      <translation>软连字符</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="32" />
      <source>a tab</source>
      <translation>制表符</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="38" />
      <source>a word joiner</source>
      <translation>字连接符</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="37" />
      <source>a zero-width joiner</source>
      <translation>零宽连字</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="36" />
      <source>a zero-width non-joiner</source>
      <translation>零宽不连字</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="35" />
      <source>a zero-width space</source>
      <translation>零宽空格</translation>
    </message>
    <message>
      <location filename="../../studio/domain/keys.py" line="44" />
      <source>an invisible character</source>
      <translation>不可见字符</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="177" />
      <location filename="../../studio/engine/preflight.py" line="56" />
      <source>background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="164" />
      <source>blend images</source>
      <translation>混合图像</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="57" />
      <source>blend shape</source>
      <translation>混合比例</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="186" />
      <source>complexity</source>
      <translation>复杂度</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="184" />
      <source>compression</source>
      <translation>压缩率</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="165" />
      <source>describe an image</source>
      <translation>描述图像</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="162" />
      <source>edit images</source>
      <translation>编辑图像</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="187" />
      <source>frame count</source>
      <translation>帧数</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="188" />
      <source>frame duration (ms)</source>
      <translation>每帧时长（毫秒）</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="190" />
      <source>image series</source>
      <translation>组图</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="183" />
      <source>input fidelity</source>
      <translation>输入保真度</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="161" />
      <source>make images from a prompt</source>
      <translation>根据提示词生成图像</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="163" />
      <source>make variations</source>
      <translation>生成变体</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="194" />
      <source>markup overlay</source>
      <translation>标注叠加图</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="181" />
      <source>mask</source>
      <translation>蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="49" />
      <source>model name</source>
      <translation>模型名称</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="185" />
      <source>moderation</source>
      <translation>审核强度</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="179" />
      <location filename="../../studio/engine/preflight.py" line="48" />
      <source>negative prompt</source>
      <translation>反向提示词</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="191" />
      <source>number of images in a series</source>
      <translation>组图张数</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="176" />
      <location filename="../../studio/engine/preflight.py" line="55" />
      <source>output format</source>
      <translation>输出格式</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="47" />
      <source>prompt</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="174" />
      <location filename="../../studio/engine/preflight.py" line="53" />
      <source>quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="50" />
      <source>ratio</source>
      <translation>宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="182" />
      <source>reference images</source>
      <translation>参考图</translation>
    </message>
    <message>
      <location filename="../../studio/engine/preflight.py" line="51" />
      <source>resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="166" />
      <source>run a Midjourney button</source>
      <translation>执行 Midjourney 按钮操作</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="193" />
      <source>safety tolerance</source>
      <translation>安全容忍度</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="178" />
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="180" />
      <location filename="../../studio/engine/preflight.py" line="52" />
      <source>size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="175" />
      <location filename="../../studio/engine/preflight.py" line="54" />
      <source>style</source>
      <translation>风格</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="94" />
      <source>svg output is for new images only, not for edits. Choose another output format.</source>
      <translation>svg 输出只能用于生成新图，不能用于编辑。请选择其他输出格式。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="97" />
      <source>svg output makes one image per request, and {n} were asked for. Ask for 1 image.</source>
      <translation>svg 输出每次请求只生成一张图，而请求了 {n} 张。请改为 1 张。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="189" />
      <source>thinking level</source>
      <translation>思考等级</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="167" />
      <source>upscale or vary a Midjourney image</source>
      <translation>放大或变化 Midjourney 图像</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="168" />
      <source>vary a region</source>
      <translation>局部重绘</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="192" />
      <source>watermark</source>
      <translation>水印</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="33" />
      <source>{model} always makes {fixed} images: the resolution is part of its name. Pick the {wanted} variant of the model instead.</source>
      <translation>{model} 始终生成 {fixed} 图像：分辨率是模型名称的一部分。请改选该模型的 {wanted} 版本。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="62" />
      <source>{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1.</source>
      <translation>{model} 不支持蒙版编辑。请选择支持的模型，例如 gpt-image-1。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="44" />
      <source>{model} cannot make {size}: sides must be multiples of {multiple}, the ratio between {low} and {high}, and at most {max_pixels} pixels.</source>
      <translation>{model} 无法生成 {size}：边长必须是 {multiple} 的倍数，宽高比须介于 {low} 和 {high} 之间，且总像素不超过 {max_pixels}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="53" />
      <source>{model} cannot {operation}.</source>
      <translation>{model} 不支持此操作：{operation}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="26" />
      <source>{model} does not offer the ratio {ratio}. It offers {choices}.</source>
      <translation>{model} 不支持宽高比 {ratio}。可选：{choices}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="41" />
      <source>{model} does not offer the size {size}. It offers {choices}.</source>
      <translation>{model} 不支持尺寸 {size}。可选：{choices}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="78" />
      <source>{model} does not offer {option} {value}. It offers {choices}.</source>
      <translation>{model} 的 {option} 不支持 {value}。可选：{choices}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="30" />
      <source>{model} does not offer {resolution}. It offers {choices}.</source>
      <translation>{model} 不支持 {resolution}。可选：{choices}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="58" />
      <source>{model} does not take reference images.</source>
      <translation>{model} 不接受参考图。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="23" />
      <source>{model} has no aspect-ratio setting: its output follows the reference image.</source>
      <translation>{model} 没有宽高比设置：输出会沿用参考图的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="29" />
      <source>{model} has no resolution setting.</source>
      <translation>{model} 没有分辨率设置。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="77" />
      <source>{model} has no {option} setting.</source>
      <translation>{model} 没有 {option} 设置。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="74" />
      <source>{model} makes 1 to {limit} image(s) per request; {n} were asked for.</source>
      <translation>{model} 每次请求可生成 1 到 {limit} 张图像，当前请求了 {n} 张。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="59" />
      <source>{model} needs at least {limit} reference image(s); there are {count}.</source>
      <translation>{model} 至少需要 {limit} 张参考图，当前只有 {count} 张。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="81" />
      <source>{model} takes a {option} from {low} to {high}; {value} was asked for.</source>
      <translation>{model} 的{option}取值为 {low} 到 {high}，而请求的是 {value}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/params.py" line="38" />
      <source>{model} takes an aspect ratio, not a size. Use a ratio (and a resolution) instead.</source>
      <translation>{model} 接受宽高比而不是尺寸。请改用宽高比（以及分辨率）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="55" />
      <source>{model} takes at most {limit} reference image(s); there are {count}.</source>
      <translation>{model} 最多接受 {limit} 张参考图，当前有 {count} 张。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="122" />
      <source>{protocol} makes one image per request, and {n} were asked for. Ask for 1 image, or choose another protocol.</source>
      <translation>{protocol} 每次请求只生成一张图片，而这里要求了 {n} 张。请改为 1 张，或选择其他协议。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="184" />
      <source>{ratio} is too wide or too tall. Choose a ratio between 1:16 and 16:1.</source>
      <translation>{ratio} 过宽或过高。请选择 1:16 到 16:1 之间的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/profiles.py" line="79" />
      <source>“{model}” is not a model name: give the name you pick in the composer, without spaces.</source>
      <translation>“{model}”不是模型名称：请填写在编辑区中选择的名称，不含空格。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="194" />
      <source>“{name}” already has the {ratio} shape, so there is nothing to add. Choose another ratio or a larger size.</source>
      <translation>“{name}”已经是 {ratio} 的比例，没有可扩展的区域。请选择其他比例或更大的尺寸。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="228" />
      <source>“{name}” cannot be made smaller than the model's {limit} MB upload limit. Choose a simpler or smaller image.</source>
      <translation>无法将“{name}”压缩到模型 {limit} MB 的上传限制以内。请选择内容更简单或尺寸更小的图像。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/restore.py" line="34" />
      <source>“{name}” carries no studio settings (it was not made or exported by the studio).</source>
      <translation>“{name}” 不含 Studio 设置（它不是由 Studio 生成或导出的）。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="74" />
      <location filename="../../studio/imaging/provenance.py" line="673" />
      <source>“{name}” could not be found. Check that the file still exists.</source>
      <translation>找不到“{name}”。请确认该文件仍然存在。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="96" />
      <location filename="../../studio/imaging/provenance.py" line="687" />
      <source>“{name}” could not be read. Check that the drive or network share is available and try again.</source>
      <translation>无法读取“{name}”。请确认所在磁盘或网络共享可用，然后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="133" />
      <location filename="../../studio/imaging/provenance.py" line="677" />
      <source>“{name}” is a folder, not an image. Choose an image file.</source>
      <translation>“{name}”是文件夹，不是图像。请选择图像文件。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/source.py" line="42" />
      <source>“{name}” is a link to an image on the web; the mask can only be painted on an image on this computer. Save the image, add the file as the reference and try again.</source>
      <translation>“{name}” 是网络图片的链接；蒙版只能绘制在本机的图片上。请先保存图片，把文件添加为参考图后再试。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/pixels.py" line="81" />
      <source>“{name}” is a link. Save the picture to this computer first, then expand its canvas.</source>
      <translation>“{name}”是一个网络链接。请先把图片保存到本机，再扩展画布。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="152" />
      <source>“{name}” is a {format} file, which the studio cannot read. Save it as PNG or JPEG and try again.</source>
      <translation>“{name}”是 {format} 文件，Studio 无法读取。请另存为 PNG 或 JPEG 后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="198" />
      <source>“{name}” is damaged or incomplete and cannot be read. Open it in an image editor and save it again, or choose another file.</source>
      <translation>“{name}”已损坏或不完整，无法读取。请在图像编辑器中打开并重新保存，或选择其他文件。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="106" />
      <source>“{name}” is empty (0 bytes). Choose another file.</source>
      <translation>“{name}”是空文件（0 字节）。请选择其他文件。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="143" />
      <source>“{name}” is not an image. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF file.</source>
      <translation>“{name}”不是图像。请选择 PNG、JPEG、WebP、GIF、BMP 或 TIFF 文件。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="118" />
      <source>“{name}” is too large a file ({size} MB) to be an image the studio can open. Choose a file under {limit} MB.</source>
      <translation>“{name}”文件过大（{size} MB），Studio 无法将其作为图像打开。请选择小于 {limit} MB 的文件。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="177" />
      <source>“{name}” is too large to open safely (more than {limit} megapixels). Make it smaller in an image editor first.</source>
      <translation>“{name}”过大，无法安全打开（超过 {limit} 百万像素）。请先在图像编辑器中缩小。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="165" />
      <source>“{name}” is too large: {width}×{height} pixels, more than the {limit} megapixels the studio opens. Make it smaller in an image editor first.</source>
      <translation>“{name}”过大：{width}×{height} 像素，超过了 Studio 可打开的 {limit} 百万像素。请先在图像编辑器中缩小。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="188" />
      <source>“{name}” uses a colour format the studio cannot convert. Save it as an ordinary RGB PNG or JPEG and try again.</source>
      <translation>“{name}”使用了 Studio 无法转换的颜色格式。请另存为普通的 RGB PNG 或 JPEG 后重试。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="122" />
      <source>“{value}” is not a ratio. Write it as width:height, for example 16:9.</source>
      <translation>“{value}”不是比例。请写成 宽:高，例如 16:9。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/layout.py" line="132" />
      <source>“{value}” is not a size. Write it as width×height in pixels, for example 2048×1152.</source>
      <translation>“{value}”不是尺寸。请以像素写成 宽×高，例如 2048×1152。</translation>
    </message>
  </context>
  <context>
    <name>ExpandCanvas</name>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="284" />
      <source>Choose a shape for the new canvas.</source>
      <translation>请为新画布选择一个比例。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="101" />
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="317" />
      <source>Everything is reduced to {percent} % to stay within the {limit} megapixels the model takes.</source>
      <translation>整体缩小到 {percent}%，以符合模型接受的 {limit} 百万像素上限。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="149" />
      <source>Expand</source>
      <translation>扩展</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="77" />
      <source>Expand canvas — {name}</source>
      <translation>扩展画布 — {name}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="338" />
      <source>Expanding the canvas…</source>
      <translation>正在扩展画布…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="131" />
      <source>Keep the picture at</source>
      <translation>图片位置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="153" />
      <source>Make the larger picture and a mask over the new area, and add them to the composer</source>
      <translation>生成更大的图片和覆盖新区域的蒙版，并加入创作面板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="104" />
      <source>New height in pixels</source>
      <translation>新高度（像素）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="127" />
      <source>New shape</source>
      <translation>新比例</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="103" />
      <source>New width in pixels</source>
      <translation>新宽度（像素）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="216" />
      <source>No preview</source>
      <translation>无预览</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="134" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="351" />
      <source>The canvas could not be expanded. Try a smaller size.</source>
      <translation>无法扩展画布。请尝试更小的尺寸。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="322" />
      <source>The hatched area is new: it is masked for the edit. Describe what should fill it, then generate.</source>
      <translation>斜线区域是新增的：它已被蒙版标记为待编辑区域。描述要填充的内容，然后生成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="210" />
      <source>The picture could not be read.</source>
      <translation>无法读取这张图片。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="102" />
      <source>Type the new width and height in pixels</source>
      <translation>输入新的宽度和高度（像素）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="110" />
      <source>px</source>
      <translation>像素</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/dialog.py" line="312" />
      <source>{width} × {height} px (the picture is {source_width} × {source_height})</source>
      <translation>{width} × {height} 像素（原图为 {source_width} × {source_height}）</translation>
    </message>
  </context>
  <context>
    <name>ExpandCanvasWidgets</name>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="46" />
      <source>Bottom</source>
      <translation>下</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="45" />
      <source>Bottom left</source>
      <translation>左下</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="47" />
      <source>Bottom right</source>
      <translation>右下</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="43" />
      <source>Centre</source>
      <translation>居中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="162" />
      <source>Keep the picture at: {place}</source>
      <translation>图片位置：{place}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="42" />
      <source>Left</source>
      <translation>左</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="61" />
      <source>Reading the picture…</source>
      <translation>正在读取图片…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="44" />
      <source>Right</source>
      <translation>右</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="40" />
      <source>Top</source>
      <translation>上</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="39" />
      <source>Top left</source>
      <translation>左上</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/widgets.py" line="41" />
      <source>Top right</source>
      <translation>右上</translation>
    </message>
  </context>
  <context>
    <name>ExpandLauncher</name>
    <message>
      <location filename="../../studio/ui/outpaint/launcher.py" line="51" />
      <source>Canvas expanded: describe what should fill the new area, then generate.</source>
      <translation>画布已扩展：描述新区域要填充的内容，然后生成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/outpaint/launcher.py" line="53" />
      <source>The model is now {model}: it can fill a masked area.</source>
      <translation>模型已切换为 {model}：它可以填充蒙版区域。</translation>
    </message>
  </context>
  <context>
    <name>ExportPage</name>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="37" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="59" />
      <source>Choose the export folder</source>
      <translation>选择导出文件夹</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="78" />
      <source>Enter a full folder path, e.g. {example}.</source>
      <translation>请输入完整的文件夹路径，例如 {example}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="49" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="96" />
      <source>Exports are saved here unless you choose another place.</source>
      <translation>导出的文件默认保存在这里，除非你另选位置。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="99" />
      <source>The folder does not exist yet; it is created at the first export.</source>
      <translation>该文件夹尚不存在，将在首次导出时创建。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/export.py" line="85" />
      <source>This is a file, not a folder. Choose a folder.</source>
      <translation>这是文件，不是文件夹。请选择文件夹。</translation>
    </message>
  </context>
  <context>
    <name>Gallery</name>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="204" />
      <source>Board: {board}</source>
      <translation>画板：{board}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="194" />
      <source>Drag images from the gallery onto the board in Boards, or generate: new results go to the board chosen there.</source>
      <translation>把图库中的图像拖到“画板”栏中的这个画板上，或直接生成：新结果会放入那里选定的画板。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="189" />
      <source>Every image is on a board</source>
      <translation>所有图像都已归入画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="189" />
      <source>Images on no board will show here.</source>
      <translation>未归入画板的图像会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="202" />
      <source>No board</source>
      <translation>未归入画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/panel.py" line="193" />
      <source>Nothing on “{board}” yet</source>
      <translation>“{board}”中还没有图像</translation>
    </message>
  </context>
  <context>
    <name>GalleryEmpty</name>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="72" />
      <source>Add a relay</source>
      <translation>添加中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="74" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="125" />
      <source>Filters on: {filters}</source>
      <translation>已启用筛选：{filters}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="104" />
      <source>Make images with your relay, or try everything first on the built-in demo.</source>
      <translation>通过你的中转站生成图像，或先用内置演示体验全部功能。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="122" />
      <source>No images match these filters</source>
      <translation>没有符合筛选条件的图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="120" />
      <source>No images match “{search}”</source>
      <translation>没有与“{search}”匹配的图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="105" />
      <source>The demo runs on this computer: nothing is sent anywhere and nothing is billed.</source>
      <translation>演示在本机运行：不会向外发送任何内容，也不会产生扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="135" />
      <source>The history could not be read</source>
      <translation>无法读取历史记录</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="71" />
      <source>Try the demo</source>
      <translation>试用演示</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="113" />
      <source>Type a prompt on the left and press Ctrl+Enter.</source>
      <translation>在左侧输入提示词，然后按 Ctrl+Enter。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="103" />
      <source>Welcome to Studio</source>
      <translation>欢迎使用 Studio</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="136" />
      <source>Your images are safe on disk. Restart Studio; if this stays, see the log.</source>
      <translation>你的图像仍完好地保存在磁盘上。请重启 Studio；如果问题仍然存在，请查看日志。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/empty.py" line="112" />
      <source>Your images will appear here</source>
      <translation>你的图像将显示在这里</translation>
    </message>
  </context>
  <context>
    <name>GalleryFilters</name>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="174" />
      <source>All models</source>
      <translation>全部模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="175" />
      <source>All profiles</source>
      <translation>全部配置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="33" />
      <source>Any status</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="24" />
      <source>Any time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="80" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="36" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="35" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="50" />
      <location filename="../../studio/ui/gallery/filters.py" line="88" />
      <location filename="../../studio/ui/gallery/filters.py" line="89" />
      <source>Favourites only</source>
      <translation>仅显示收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="27" />
      <source>Last 30 days</source>
      <translation>最近 30 天</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="26" />
      <source>Last 7 days</source>
      <translation>最近 7 天</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="78" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="44" />
      <source>Model: {model}</source>
      <translation>模型：{model}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="79" />
      <source>Profile</source>
      <translation>配置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="46" />
      <source>Profile: {profile}</source>
      <translation>配置：{profile}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="34" />
      <source>Running</source>
      <translation>进行中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="69" />
      <source>Search prompts…</source>
      <translation>搜索提示词…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="90" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="52" />
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/filters.py" line="25" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
  </context>
  <context>
    <name>GalleryRuns</name>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="190" />
      <source>(no prompt)</source>
      <translation>（无提示词）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="206" />
      <source>+{count} more</source>
      <translation>还有 {count} 个</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="401" />
      <source>@ {relay}</source>
      <translation>@ {relay}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="177" />
      <source>Batch</source>
      <translation>批量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="177" />
      <source>Compare</source>
      <translation>对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="179" />
      <source>Compare in detail</source>
      <translation>在详情中对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="402" />
      <source>Compares and batches: one row each, results side by side</source>
      <translation>对比与批量：每次一行，结果并排显示</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="86" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="114" />
      <source>Double-click to open it · F marks it as a favourite</source>
      <translation>双击打开 · 按 F 设为收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="348" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="400" />
      <source>Images</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="467" />
      <source>Mark as the best (favourite)</source>
      <translation>标为最佳（收藏）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="281" />
      <source>No run has “{text}” in its prompt.</source>
      <translation>没有提示词中含“{text}”的运行。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="285" />
      <source>No runs yet. Turn on Compare beside the model in the composer to send one prompt to several models or relays: each compare shows here as one row, its results side by side.</source>
      <translation>还没有运行。在编辑区模型旁打开“对比”，即可把一条提示词发送给多个模型或中转站：每次对比在这里显示为一行，结果并排。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="348" />
      <source>Not sent</source>
      <translation>未发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="81" />
      <source>Not sent: {reason}</source>
      <translation>未发送：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="182" />
      <source>Open the current card in the detail view's compare, against the other selected cards (or the rest of its run)</source>
      <translation>在详情视图的对比中打开当前卡片，与其他选中的卡片（或同一批次的其余结果）对比</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="290" />
      <source>Retry</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="83" />
      <source>Running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="401" />
      <source>Runs</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_view.py" line="174" />
      <source>Search runs by prompt…</source>
      <translation>按提示词搜索运行…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="468" />
      <source>Send it again, in this run</source>
      <translation>在此运行中重新发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="120" />
      <source>{count} done</source>
      <translation>{count} 个完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="122" />
      <source>{count} failed</source>
      <translation>{count} 个失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="124" />
      <source>{count} running</source>
      <translation>{count} 个运行中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="95" />
      <source>{seconds} s</source>
      <translation>{seconds} 秒</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="101" />
      <source>≈ {amount}</source>
      <translation>≈ {amount}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/runs_delegate.py" line="133" />
      <source>≈ {amount} in all</source>
      <translation>总计 ≈ {amount}</translation>
    </message>
  </context>
  <context>
    <name>GalleryTexts</name>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="43" />
      <source>Failed: {message}</source>
      <translation>失败：{message}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="41" />
      <source>Image {width} × {height}</source>
      <translation>图像 {width} × {height}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="44" />
      <source>Running: {model}</source>
      <translation>进行中：{model}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="19" />
      <source>This job did not finish.</source>
      <translation>此任务未完成。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/texts.py" line="28" />
      <source>{width} × {height} pixels</source>
      <translation>{width} × {height} 像素</translation>
    </message>
  </context>
  <context>
    <name>GalleryTiles</name>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="401" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="80" />
      <source>Downloading…</source>
      <translation>正在下载…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="403" />
      <source>Fetch what the relay made again; nothing new is sent or billed</source>
      <translation>重新获取中转生成的结果；不会发送新请求，也不会再次计费</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="77" />
      <source>Preparing…</source>
      <translation>正在准备…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="404" />
      <source>Put away</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="76" />
      <source>Queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="79" />
      <source>Rendering…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="59" />
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="60" />
      <source>Retry</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="59" />
      <source>Retry save</source>
      <translation>重新保存</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="68" />
      <source>Retrying in {seconds} s</source>
      <translation>{seconds} 秒后重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="402" />
      <source>Send it again</source>
      <translation>重新发送</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="78" />
      <source>Waiting for the relay…</source>
      <translation>等待中转站…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="70" />
      <source>{percent}%</source>
      <translation>{percent}%</translation>
    </message>
    <message>
      <location filename="../../studio/ui/gallery/delegate.py" line="72" />
      <source>{seconds} s</source>
      <translation>{seconds} 秒</translation>
    </message>
  </context>
  <context>
    <name>ImageMenu</name>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="26" />
      <source>Copy image</source>
      <translation>复制图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="27" />
      <source>Copy prompt</source>
      <translation>复制提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="23" />
      <source>Edit with mask…</source>
      <translation>用蒙版编辑…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="24" />
      <source>Expand canvas…</source>
      <translation>扩展画布…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="28" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="31" />
      <source>Favourite</source>
      <translation>收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="76" />
      <source>Move to board</source>
      <translation>移到画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="32" />
      <source>Move to trash</source>
      <translation>移到回收站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="87" />
      <source>No boards yet: add one in Boards</source>
      <translation>还没有画板：可在“画板”中新建</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="29" />
      <source>Open containing folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="20" />
      <source>Reuse settings</source>
      <translation>复用设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="21" />
      <source>Use as reference</source>
      <translation>用作参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/context_menu.py" line="22" />
      <source>Variations</source>
      <translation>变体</translation>
    </message>
  </context>
  <context>
    <name>JobDelegate</name>
    <message>
      <location filename="../../studio/ui/jobs/delegate.py" line="320" />
      <source>{percent} %</source>
      <translation>{percent}%</translation>
    </message>
  </context>
  <context>
    <name>JobEntry</name>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="235" />
      <source>(no prompt)</source>
      <translation>（无提示词）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="75" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="190" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="172" />
      <source>Check the relay's address, key and models</source>
      <translation>检查中转站的地址、密钥和模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="188" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="79" />
      <source>Edit request</source>
      <translation>编辑请求</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="189" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="160" />
      <source>Fetch what the relay made (or ask about its task) again. Nothing new is sent, so nothing is billed again.</source>
      <translation>重新获取中转生成的结果（或再次查询其任务）。不会发送新请求，因此不会再次计费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="191" />
      <source>Interrupted</source>
      <translation>已中断</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="66" />
      <source>May have been billed.</source>
      <translation>可能已扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="70" />
      <source>Not billed.</source>
      <translation>未扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="80" />
      <source>Open settings</source>
      <translation>打开设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="185" />
      <source>Preparing</source>
      <translation>准备中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="171" />
      <source>Put this request in the composer to change it</source>
      <translation>将此请求放回创作面板以便修改</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="184" />
      <source>Queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="187" />
      <source>Receiving</source>
      <translation>接收中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="77" />
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="76" />
      <source>Retry</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="78" />
      <source>Retry save</source>
      <translation>重新保存</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="158" />
      <source>Save the kept image again. Nothing is sent to the relay.</source>
      <translation>重新保存已保留的图像。不会向中转发送任何内容。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="156" />
      <source>Send the same request again as a new job.</source>
      <translation>将相同的请求作为新任务再次发送。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="152" />
      <source>Send the same request again as a new job. The first one may have been billed, so this may be billed a second time.</source>
      <translation>将相同的请求作为新任务再次发送。第一次请求可能已扣费，因此这次可能会再次扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="182" />
      <source>Sending</source>
      <translation>发送中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="166" />
      <source>Stop waiting for this job. The relay may still make the image and bill it.</source>
      <translation>不再等待此任务。中转站可能仍会生成图像并扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="169" />
      <source>Take this job out of the queue. Nothing is billed.</source>
      <translation>将此任务移出队列，不会产生扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="182" />
      <location filename="../../studio/ui/jobs/entry.py" line="186" />
      <source>The relay is working</source>
      <translation>中转站处理中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="51" />
      <source>could not connect, retrying in {seconds} s</source>
      <translation>无法连接，{seconds} 秒后重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="61" />
      <source>download failed, retrying in {seconds} s</source>
      <translation>下载失败，{seconds} 秒后重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="199" />
      <source>images: {count}</source>
      <translation>{count} 张图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="53" />
      <source>no answer to the status check, asking again in {seconds} s</source>
      <translation>状态查询无响应，{seconds} 秒后再次查询</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="49" />
      <source>rate-limited, retrying in {seconds} s</source>
      <translation>请求受限，{seconds} 秒后重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="208" />
      <source>retried as a new job</source>
      <translation>已作为新任务重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="62" />
      <source>retrying in {seconds} s</source>
      <translation>{seconds} 秒后重试</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="57" />
      <source>the relay does not know the task yet, asking again in {seconds} s</source>
      <translation>中转暂时还不知道此任务，{seconds} 秒后再次查询</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="227" />
      <source>took {time}</source>
      <translation>用时 {time}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/entry.py" line="202" />
      <source>warnings: {count} (see the image)</source>
      <translation>{count} 条提醒（请查看图像）</translation>
    </message>
  </context>
  <context>
    <name>JobsPanel</name>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="84" />
      <source>Clear finished</source>
      <translation>清除已结束</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="257" />
      <source>Copy message</source>
      <translation>复制消息</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="110" />
      <source>Jobs you start appear here, with their progress.</source>
      <translation>你发起的任务及其进度会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="62" />
      <source>Nothing running</source>
      <translation>没有进行中的任务</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="86" />
      <source>Remove finished jobs from this list (not from the history)</source>
      <translation>从此列表中移除已结束的任务（不会从历史记录中删除）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="57" />
      <source>{count} failed</source>
      <translation>{count} 个失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="58" />
      <source>{count} interrupted</source>
      <translation>{count} 个已中断</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="56" />
      <source>{count} queued</source>
      <translation>{count} 个排队中</translation>
    </message>
    <message>
      <location filename="../../studio/ui/jobs/panel.py" line="55" />
      <source>{count} running</source>
      <translation>{count} 个进行中</translation>
    </message>
  </context>
  <context>
    <name>KeyField</name>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="49" />
      <source>Hide the key you are typing</source>
      <translation>隐藏正在输入的密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="81" />
      <source>Kept in the system keyring, never in a file.</source>
      <translation>密钥保存在系统钥匙串中，绝不会写入文件。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="73" />
      <source>No system keyring is available: the key is forgotten when Studio quits.</source>
      <translation>没有可用的系统钥匙串：Studio 退出后将不再保留此密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="80" />
      <source>Paste the API key the relay gave you</source>
      <translation>粘贴中转站提供给你的 API 密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="49" />
      <source>Show the key you are typing</source>
      <translation>显示正在输入的密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="99" />
      <source>The API key contains spaces or line breaks. Paste only the key.</source>
      <translation>API 密钥中包含空格或换行。请只粘贴密钥本身。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="76" />
      <source>The key comes from {variable}. Type one to store it instead.</source>
      <translation>密钥来自 {variable}。如需改为保存密钥，请在此输入。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="67" />
      <source>Type a key to use another one.</source>
      <translation>输入密钥即可改用其他密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="70" />
      <source>Type a new key to replace it; leave the field empty to keep it.</source>
      <translation>输入新密钥即可替换；留空则保留现有密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="90" />
      <source>•••• built in</source>
      <translation>•••• 内置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="75" />
      <source>•••• from the environment</source>
      <translation>•••• 来自环境变量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="72" />
      <source>•••• kept for this session only</source>
      <translation>•••• 仅在本次会话中保留</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="69" />
      <source>•••• stored in the system keyring</source>
      <translation>•••• 已存入系统钥匙串</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/key_field.py" line="66" />
      <source>•••• the key of {name} will be copied</source>
      <translation>•••• 将复制 {name} 的密钥</translation>
    </message>
  </context>
  <context>
    <name>LearnedRefusals</name>
    <message>
      <location filename="../../studio/ui/settings/learned.py" line="39" />
      <source>Forget</source>
      <translation>忘记</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/learned.py" line="34" />
      <source>Nothing learned yet: this relay has accepted every parameter.</source>
      <translation>尚未记录任何内容：此中转接受了所有参数。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/learned.py" line="49" />
      <source>Optional parameters this relay refused (HTTP 400, not billed). The studio leaves them out for these models and says so in the job's notes.</source>
      <translation>此中转拒绝过的可选参数（HTTP 400，未计费）。工作室会对这些模型省略它们，并在任务说明中注明。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/learned.py" line="41" />
      <source>Send it again from the next request; if the relay still refuses it, the studio learns it again (a refusal is not billed).</source>
      <translation>从下一次请求起重新发送它；如果中转仍然拒绝，工作室会再次记住（被拒绝的请求不计费）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/learned.py" line="74" />
      <source>{model}: {parameter}</source>
      <translation>{model}：{parameter}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../studio/ui/main_window.py" line="314" />
      <source>&amp;Batch…</source>
      <translation>批量(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="275" />
      <source>&amp;Copy image</source>
      <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="293" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="261" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="254" />
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="286" />
      <source>&amp;Favourite</source>
      <translation>收藏(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="252" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="302" />
      <source>&amp;Find in prompts</source>
      <translation>在提示词中查找(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="313" />
      <source>&amp;Generate</source>
      <translation>生成(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="327" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="312" />
      <source>&amp;Jobs</source>
      <translation>任务(&amp;J)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="328" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="259" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="267" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="309" />
      <source>&amp;Relays…</source>
      <translation>中转站(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="318" />
      <source>&amp;Reuse settings</source>
      <translation>复用设置(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="257" />
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="262" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="305" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="129" />
      <source>Batch: many prompts at once, as one run (Ctrl+Shift+B)</source>
      <translation>批量：一次发送多条提示词，作为一次运行（Ctrl+Shift+B）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="128" />
      <source>Batch…</source>
      <translation>批量…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="99" />
      <source>Boards</source>
      <translation>画板</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="89" />
      <source>Compose</source>
      <translation>创作</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="278" />
      <source>Copy &amp;prompt</source>
      <translation>复制提示词(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="161" />
      <source>Demo</source>
      <translation>演示</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="164" />
      <source>Demo mode: a simulated relay on this computer. Nothing is sent anywhere and nothing is billed.</source>
      <translation>演示模式：在本机模拟的中转站。不会向外发送任何内容，也不会产生扣费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="92" />
      <source>Detail</source>
      <translation>详情</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="95" />
      <source>Jobs</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="142" />
      <source>No relay yet</source>
      <translation>尚无中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="273" />
      <source>Paste as &amp;reference</source>
      <translation>粘贴为参考图(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="136" />
      <source>Profile:</source>
      <translation>配置：</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="282" />
      <source>Prompt &amp;library…</source>
      <translation>提示词库(&amp;L)…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="106" />
      <source>Ready.</source>
      <translation>就绪。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="123" />
      <source>Relay</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="146" />
      <source>Relays</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="149" />
      <source>Relays: what each relay cost, delivered and hid (Ctrl+Shift+L)</source>
      <translation>中转站：每个中转站的花费、交付与隐瞒（Ctrl+Shift+L）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="532" />
      <source>Settings restored from {name}.</source>
      <translation>已从 {name} 恢复设置。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="156" />
      <source>Settings: relays, look, export folder (Ctrl+,)</source>
      <translation>设置：中转站、外观、导出文件夹（Ctrl+,）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="61" />
      <source>Studio</source>
      <translation>Studio</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="61" />
      <source>Studio — demo</source>
      <translation>Studio — 演示</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="521" />
      <source>That file carries no studio settings. Drop it on References to use it there.</source>
      <translation>该文件不含 Studio 设置。如要用作参考图，请将其拖放到“参考图”区域。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="420" />
      <source>The model is now {model}: the one chosen before cannot edit with a mask.</source>
      <translation>模型已切换为 {model}：之前选择的模型无法使用蒙版编辑。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="323" />
      <source>Use as r&amp;eference</source>
      <translation>用作参考图(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="212" />
      <source>Use the new relay?</source>
      <translation>使用新的中转站？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/main_window.py" line="213" />
      <source>“{name}” is saved. Use it now instead of “{current}”?</source>
      <translation>“{name}”已保存。现在改用它，而不再使用“{current}”吗？</translation>
    </message>
  </context>
  <context>
    <name>MaskControls</name>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="174" />
      <source> px</source>
      <translation> 像素</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="325" />
      <source>1:1</source>
      <translation>1:1</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="325" />
      <source>Actual pixels</source>
      <translation>实际像素</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="125" />
      <source>Brush</source>
      <translation>画笔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="161" />
      <source>Brush size</source>
      <translation>画笔大小</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="125" />
      <source>Brush: paint where to edit</source>
      <translation>画笔：涂抹需要编辑的地方</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="207" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="198" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="306" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="211" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="130" />
      <source>Eraser</source>
      <translation>橡皮擦</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="131" />
      <source>Eraser: take areas out of the mask</source>
      <translation>橡皮擦：将区域移出蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="175" />
      <source>Feather</source>
      <translation>羽化</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="168" />
      <source>Feather…</source>
      <translation>羽化…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="197" />
      <source>Fill</source>
      <translation>填充</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="323" />
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="323" />
      <source>Fit to the window</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="219" />
      <source>Hardness</source>
      <translation>硬度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="164" />
      <source>Hardness: low values give a soft edge</source>
      <translation>硬度：数值越低边缘越柔和</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="310" />
      <source>How strongly the mask is shown</source>
      <translation>蒙版的显示强度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="195" />
      <source>Invert</source>
      <translation>反转</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="144" />
      <source>Lasso</source>
      <translation>套索</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="145" />
      <source>Lasso: draw around an area to mask it (hold Alt to remove instead)</source>
      <translation>套索：圈出区域加入蒙版（按住 Alt 则改为移除）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="210" />
      <source>Leave without a mask</source>
      <translation>不使用蒙版并离开</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="204" />
      <source>Load a mask PNG (white or transparent = edit)</source>
      <translation>载入蒙版 PNG（白色或透明 = 编辑）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="204" />
      <source>Load…</source>
      <translation>载入…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="197" />
      <source>Mask the whole image</source>
      <translation>将整张图片加入蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="337" />
      <source>Opacity</source>
      <translation>不透明度</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="182" />
      <source>Radius</source>
      <translation>半径</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="137" />
      <source>Rectangle</source>
      <translation>矩形</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="138" />
      <source>Rectangle: drag to mask an area (hold Alt to remove instead)</source>
      <translation>矩形：拖动以将区域加入蒙版（按住 Alt 则改为移除）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="201" />
      <location filename="../../studio/ui/mask/controls.py" line="201" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="155" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="198" />
      <source>Remove the whole mask</source>
      <translation>移除整个蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="206" />
      <source>Save the mask as a PNG</source>
      <translation>将蒙版保存为 PNG</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="206" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="156" />
      <source>Selections remove from the mask instead of adding to it</source>
      <translation>选区从蒙版中移除，而不是加入</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="313" />
      <source>Show mask</source>
      <translation>显示蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="313" />
      <source>Show or hide the mask</source>
      <translation>显示或隐藏蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="218" />
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="168" />
      <source>Soften the mask's edges</source>
      <translation>柔化蒙版边缘</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="195" />
      <source>Swap the masked and the kept areas</source>
      <translation>互换蒙版区域与保留区域</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="306" />
      <source>The colour the mask is shown in</source>
      <translation>蒙版的显示颜色</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="199" />
      <location filename="../../studio/ui/mask/controls.py" line="199" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="214" />
      <source>Use this mask for the request</source>
      <translation>在请求中使用此蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="321" />
      <location filename="../../studio/ui/mask/controls.py" line="321" />
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="316" />
      <location filename="../../studio/ui/mask/controls.py" line="316" />
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="383" />
      <source>brush {size} px</source>
      <translation>画笔 {size} 像素</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="386" />
      <source>x {x}, y {y}</source>
      <translation>x {x}，y {y}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="260" />
      <location filename="../../studio/ui/mask/controls.py" line="360" />
      <location filename="../../studio/ui/mask/controls.py" line="369" />
      <source>{percent} %</source>
      <translation>{percent}%</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="256" />
      <source>{size} px</source>
      <translation>{size} 像素</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/controls.py" line="382" />
      <source>{width} × {height} px</source>
      <translation>{width} × {height} 像素</translation>
    </message>
  </context>
  <context>
    <name>MaskFiles</name>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="49" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="31" />
      <source>Black and white PNG, white = edit (*.png)</source>
      <translation>黑白 PNG，白色 = 编辑 (*.png)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="48" />
      <source>Images (*.png *.webp *.jpg *.jpeg *.bmp *.tif *.tiff *.gif)</source>
      <translation>图片 (*.png *.webp *.jpg *.jpeg *.bmp *.tif *.tiff *.gif)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="42" />
      <source>Load a mask</source>
      <translation>载入蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="68" />
      <source>Loaded the mask “{name}”.</source>
      <translation>已载入蒙版“{name}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="62" />
      <source>Loading “{name}”…</source>
      <translation>正在载入“{name}”…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="145" />
      <source>Mask colour</source>
      <translation>蒙版颜色</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="95" />
      <source>Save the mask</source>
      <translation>保存蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="119" />
      <source>Saved the mask as “{name}”.</source>
      <translation>蒙版已保存为“{name}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="116" />
      <source>Saving “{name}”…</source>
      <translation>正在保存“{name}”…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="126" />
      <source>The mask could not be saved as “{name}”. Check that the folder exists and that you may write there.</source>
      <translation>无法将蒙版保存为“{name}”。请检查文件夹是否存在，以及你是否有写入权限。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="93" />
      <source>The mask is empty: paint the area to edit before saving it.</source>
      <translation>蒙版是空的：请先涂抹需要编辑的区域再保存。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="32" />
      <source>Transparent PNG, transparent = edit (*.png)</source>
      <translation>透明 PNG，透明 = 编辑 (*.png)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/files.py" line="76" />
      <source>“{name}” is {mask_width} × {mask_height} px but the image is {width} × {height} px. A mask must be exactly the image's size.</source>
      <translation>“{name}” 为 {mask_width} × {mask_height} 像素，而图片为 {width} × {height} 像素。蒙版必须与图片尺寸完全相同。</translation>
    </message>
  </context>
  <context>
    <name>MaskLauncher</name>
    <message>
      <location filename="../../studio/ui/mask/launcher.py" line="48" />
      <source>Add an image as reference #1 first, then paint its mask.</source>
      <translation>请先添加一张图片作为参考图 #1，再绘制它的蒙版。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/launcher.py" line="91" />
      <source>Mask set on reference #1.</source>
      <translation>已为参考图 #1 设置蒙版。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/launcher.py" line="62" />
      <source>Opening the mask painter…</source>
      <translation>正在打开蒙版绘制…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/launcher.py" line="88" />
      <source>The mask was not used: reference #1 changed while you painted.</source>
      <translation>蒙版未被使用：绘制期间参考图 #1 已变更。</translation>
    </message>
  </context>
  <context>
    <name>MaskPainter</name>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="355" />
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="352" />
      <location filename="../../studio/ui/mask/window.py" line="353" />
      <source>Discard this mask?</source>
      <translation>放弃这个蒙版？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="276" />
      <source>Feathering the mask…</source>
      <translation>正在羽化蒙版…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="357" />
      <source>Keep painting</source>
      <translation>继续绘制</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="304" />
      <source>Opening the mask…</source>
      <translation>正在打开蒙版…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="55" />
      <source>Paint a mask</source>
      <translation>绘制蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="229" />
      <source>Paint where the image should change. Pan: Space + drag. Zoom: wheel.</source>
      <translation>涂抹图片中需要改变的地方。平移：空格 + 拖动。缩放：滚轮。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="327" />
      <source>Preparing the mask…</source>
      <translation>正在准备蒙版…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="410" />
      <source>That did not work; the mask is unchanged. The log has the details.</source>
      <translation>操作未成功，蒙版保持不变。详情见日志。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="281" />
      <source>The edges were feathered by {radius} px.</source>
      <translation>边缘已羽化 {radius} 像素。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="323" />
      <source>The mask is empty. Paint where the image should change, then press Done.</source>
      <translation>蒙版是空的。请涂抹图片中需要改变的地方，然后点击“完成”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="291" />
      <source>The mask set before is {mask_width} × {mask_height} px but this image is {width} × {height} px, so you start with an empty one.</source>
      <translation>之前设置的蒙版为 {mask_width} × {mask_height} 像素，而这张图片为 {width} × {height} 像素，因此将从空白蒙版开始。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="408" />
      <source>There is not enough memory for this. Close other images and try again.</source>
      <translation>内存不足。请关闭其他图片后再试。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="274" />
      <source>There is nothing to feather yet: paint the area to edit first.</source>
      <translation>还没有可羽化的内容：请先涂抹需要编辑的区域。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/mask/window.py" line="354" />
      <source>What you painted will be lost.</source>
      <translation>你绘制的内容将会丢失。</translation>
    </message>
  </context>
  <context>
    <name>MaskSource</name>
    <message>
      <location filename="../../studio/ui/mask/source.py" line="90" />
      <source>Paint a mask — {name}</source>
      <translation>绘制蒙版 — {name}</translation>
    </message>
  </context>
  <context>
    <name>MidjourneyButtons</name>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="103" />
      <source>Extend the image downwards</source>
      <translation>向下扩展画面</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="100" />
      <source>Extend the image to the left</source>
      <translation>向左扩展画面</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="101" />
      <source>Extend the image to the right</source>
      <translation>向右扩展画面</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="102" />
      <source>Extend the image upwards</source>
      <translation>向上扩展画面</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="129" />
      <source>Midjourney</source>
      <translation>Midjourney</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="93" />
      <source>Paint an area of this image and describe what goes there</source>
      <translation>在这张图上涂出一块区域，并描述那里要画什么</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="95" />
      <location filename="../../studio/ui/detail/midjourney.py" line="97" />
      <source>Run the prompt again</source>
      <translation>用同一提示词重新生成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="200" />
      <source>Sent: {label}</source>
      <translation>已发送：{label}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="98" />
      <source>Strong variations of this image</source>
      <translation>对这张图做强烈变化</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="99" />
      <source>Subtle variations of this image</source>
      <translation>对这张图做细微变化</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="90" />
      <source>Upscale image {n}</source>
      <translation>放大第 {n} 张图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="106" />
      <source>Upscale this image further</source>
      <translation>进一步放大这张图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="90" />
      <source>Variations of image {n}</source>
      <translation>基于第 {n} 张图生成变体</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="105" />
      <source>Zoom out 1.5×</source>
      <translation>缩小 1.5 倍（扩展画面）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/midjourney.py" line="104" />
      <source>Zoom out 2×</source>
      <translation>缩小 2 倍（扩展画面）</translation>
    </message>
  </context>
  <context>
    <name>ModelOverrides</name>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="282" />
      <source>(choose a model)</source>
      <translation>（选择模型）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="166" />
      <source>A JSON object added to every request body for this model. It cannot set what the studio sends itself (model, prompt, size…) and never holds a key.</source>
      <translation>添加到此模型每个请求体中的 JSON 对象。它不能设置工作室自己发送的字段（model、prompt、size…），也绝不能包含密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="135" />
      <source>Add model</source>
      <translation>添加模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="155" />
      <source>As the catalog says</source>
      <translation>按模型目录</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="101" />
      <source>Choose the model these settings are for.</source>
      <translation>请选择这些设置所针对的模型。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="193" />
      <source>Extra fields</source>
      <translation>额外字段</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="86" />
      <source>Extra fields must be a JSON object, e.g. {example}.</source>
      <translation>额外字段必须是 JSON 对象，例如 {example}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="199" />
      <source>For a model on this relay: the name sent instead of the one picked, the protocol, and extra fields for the request body.</source>
      <translation>针对此中转站上的某个模型：代替所选名称发送的名称、协议，以及请求体的额外字段。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="190" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="191" />
      <source>Name sent</source>
      <translation>发送的名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="80" />
      <source>Not valid JSON: {reason} (line {line}, column {column}).</source>
      <translation>不是有效的 JSON：{reason}（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="192" />
      <source>Protocol</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="138" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="152" />
      <source>The name this relay knows the model by, e.g. gpt-image-2-all.</source>
      <translation>此中转站对该模型使用的名称，例如 gpt-image-2-all。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="159" />
      <source>Used unless a protocol is chosen in the composer for the request.</source>
      <translation>除非在编辑区为请求选择了协议，否则使用此协议。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="288" />
      <source>extra fields</source>
      <translation>额外字段</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="143" />
      <source>the model as picked in the composer</source>
      <translation>在编辑区中选择的模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/model_overrides.py" line="150" />
      <source>the same name</source>
      <translation>与所选名称相同</translation>
    </message>
  </context>
  <context>
    <name>Notifier</name>
    <message>
      <location filename="../../studio/ui/notify.py" line="40" />
      <source>A job failed</source>
      <translation>有任务失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/notify.py" line="35" />
      <source>Image ready</source>
      <translation>图像已生成</translation>
    </message>
    <message>
      <location filename="../../studio/ui/notify.py" line="35" />
      <source>Images ready</source>
      <translation>多张图像已生成</translation>
    </message>
  </context>
  <context>
    <name>ProfileList</name>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="57" />
      <source>New relay</source>
      <translation>新中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="60" />
      <source>{name} (demo)</source>
      <translation>{name}（演示）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="57" />
      <source>{name} (not saved)</source>
      <translation>{name}（未保存）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/profile_list.py" line="61" />
      <source>{name} (this session)</source>
      <translation>{name}（仅本次会话）</translation>
    </message>
  </context>
  <context>
    <name>PromptLibrary</name>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="17" />
      <source>A name has at most {limit} characters.</source>
      <translation>名称最多 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="18" />
      <source>A prompt named “{name}” is already saved.</source>
      <translation>已有名为“{name}”的提示词。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="20" />
      <source>A saved prompt has at most {limit} characters.</source>
      <translation>保存的提示词最多 {limit} 个字符。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="97" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="266" />
      <source>Delete prompt</source>
      <translation>删除提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="267" />
      <source>Delete “{name}” from the library?</source>
      <translation>从提示词库中删除“{name}”？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="304" />
      <source>Export prompts</source>
      <translation>导出提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="131" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="16" />
      <source>Give the prompt a name.</source>
      <translation>请给提示词起个名字。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="297" />
      <source>Import prompts</source>
      <translation>导入提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="46" />
      <source>Imported: {parts}.</source>
      <translation>已导入：{parts}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="128" />
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="104" />
      <location filename="../../studio/ui/prompts/save_dialog.py" line="85" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="34" />
      <source>No variables. Write {name} in the text to make one a batch can fill in.</source>
      <translation>没有变量。在内容中写 {name} 即可创建一个可由批量填充的变量。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="57" />
      <source>Prompt library</source>
      <translation>提示词库</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="131" />
      <source>Replace</source>
      <translation>替换</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="110" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="129" />
      <source>Save again to replace it.</source>
      <translation>再次保存即可替换它。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="100" />
      <source>Save changes</source>
      <translation>保存修改</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="66" />
      <source>Save prompt to library</source>
      <translation>保存提示词到提示词库</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/hooks.py" line="44" />
      <source>Save prompt to library…</source>
      <translation>保存提示词到提示词库…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="70" />
      <source>Search names, tags and text…</source>
      <translation>搜索名称、标签和内容…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="105" />
      <location filename="../../studio/ui/prompts/save_dialog.py" line="86" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="24" />
      <source>That file is not a prompt library: JSON with a list of prompts, each with a name and a text.</source>
      <translation>该文件不是提示词库：应为包含提示词列表的 JSON，每条都有名称和内容。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="56" />
      <source>The file could not be used: {reason}</source>
      <translation>无法使用该文件：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="19" />
      <source>The prompt has no text.</source>
      <translation>提示词没有内容。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="94" />
      <source>Use in prompt</source>
      <translation>用于提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="35" />
      <source>Variables: {names}</source>
      <translation>变量：{names}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="86" />
      <source>comma-separated</source>
      <translation>用逗号分隔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/save_dialog.py" line="74" />
      <source>e.g. product, poster (comma-separated)</source>
      <translation>例如：产品, 海报（用逗号分隔）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="39" />
      <source>{count} added</source>
      <translation>新增 {count} 条</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="41" />
      <source>{count} added under a new name</source>
      <translation>{count} 条以新名称加入</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="43" />
      <source>{count} already here</source>
      <translation>{count} 条已存在</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="328" />
      <source>{count} prompts exported to {path}.</source>
      <translation>已导出 {count} 条提示词到 {path}。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="45" />
      <source>{count} without a name or text skipped</source>
      <translation>跳过 {count} 条缺少名称或内容的</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="288" />
      <source>“{name}” deleted.</source>
      <translation>已删除“{name}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/hooks.py" line="69" />
      <source>“{name}” is in the prompt library: type / in the prompt to use it.</source>
      <translation>“{name}”已在提示词库中：在提示词里输入 / 即可使用。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/texts.py" line="23" />
      <source>“{name}” is no longer in the library.</source>
      <translation>“{name}”已不在提示词库中。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/manager.py" line="252" />
      <source>“{name}” saved.</source>
      <translation>已保存“{name}”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/prompts/slash.py" line="48" />
      <source>↑↓ choose · Enter inserts · Esc closes</source>
      <translation>↑↓ 选择 · 回车插入 · Esc 关闭</translation>
    </message>
  </context>
  <context>
    <name>RelayForm</name>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="84" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="196" />
      <source>A request that would pass this limit asks first. No limit: leave it at 0.</source>
      <translation>会超出此限额的请求将先征求确认。不限：保持为 0。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="225" />
      <source>API key</source>
      <translation>API 密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="243" />
      <source>Async mode</source>
      <translation>异步模式</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="163" />
      <source>Authorization: Bearer</source>
      <translation>Authorization: Bearer</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="224" />
      <source>Base URL</source>
      <translation>Base URL（接口地址）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="289" />
      <source>Budget currency</source>
      <translation>预算币种</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="227" />
      <source>CONNECTION</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="229" />
      <source>Connect time-out</source>
      <translation>连接超时</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="287" />
      <source>Daily budget</source>
      <translation>每日预算</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="147" />
      <source>Drafts to show while the image is made (0–3).</source>
      <translation>生成过程中显示的草图数量（0–3）。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="233" />
      <source>Drafts while streaming</source>
      <translation>流式传输时的草图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="442" />
      <source>Enter the relay's base URL, e.g. https://relay.example/v1.</source>
      <translation>请输入中转站的 Base URL，例如 https://relay.example/v1。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="274" />
      <source>Failure statuses</source>
      <translation>失败状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="251" />
      <source>For relays that answer with a task id to poll instead of the image. The defaults fit most relays.</source>
      <translation>适用于不直接返回图像、而是返回任务 ID 供轮询的中转站。默认设置适合大多数中转站。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="439" />
      <source>Give the profile a name, e.g. “my-relay”.</source>
      <translation>请为配置命名，例如“my-relay”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="276" />
      <source>Give up after</source>
      <translation>最长等待</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="234" />
      <source>HTTP proxy</source>
      <translation>HTTP 代理</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="134" />
      <source>How long to wait for an image. Slow models can take several minutes.</source>
      <translation>等待图像返回的最长时间。较慢的模型可能需要几分钟。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="130" />
      <source>How many requests this relay gets at the same time.</source>
      <translation>同时向此中转站发送的请求数。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="238" />
      <source>Key for Gemini</source>
      <translation>Gemini 密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="239" />
      <source>Key for Midjourney</source>
      <translation>Midjourney 密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="237" />
      <source>Key for images and chat</source>
      <translation>images 和 chat 密钥</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="293" />
      <source>LEARNED</source>
      <translation>已学到</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="291" />
      <source>MODEL SETTINGS</source>
      <translation>模型设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="285" />
      <source>MONEY</source>
      <translation>费用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="288" />
      <source>Monthly budget</source>
      <translation>每月预算</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="240" />
      <source>Multi-image field</source>
      <translation>多图字段</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="222" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="98" />
      <source>No limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="236" />
      <source>PROTOCOL</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="272" />
      <source>Pending statuses</source>
      <translation>进行中状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="275" />
      <source>Poll every</source>
      <translation>轮询间隔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="271" />
      <source>Poll path</source>
      <translation>轮询路径</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="286" />
      <source>Price against the list</source>
      <translation>相对标价</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="221" />
      <source>RELAY</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="230" />
      <source>Read time-out</source>
      <translation>读取超时</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="228" />
      <source>Requests at once</source>
      <translation>并发请求数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="136" />
      <source>Stream images where the model can</source>
      <translation>在模型支持时以流式方式获取图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="232" />
      <source>Streaming</source>
      <translation>流式传输</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="269" />
      <source>Submit path</source>
      <translation>提交路径</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="270" />
      <source>Submit query</source>
      <translation>提交查询参数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="273" />
      <source>Success statuses</source>
      <translation>成功状态</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="180" />
      <source>Task statuses, separated by commas.</source>
      <translation>任务状态值，用英文逗号 (,) 分隔。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="169" />
      <source>The form field that carries several images in one edit request.</source>
      <translation>在一次编辑请求中携带多张图像的表单字段。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="150" />
      <source>The longest one job may take, from sending to its last status check. Then a job waiting for an answer ends (it is not sent again) and an async task can be resumed later.</source>
      <translation>单个任务从发送到最后一次状态查询可用的最长时间。超时后，等待应答的任务会结束（不会再次发送），异步任务可以稍后继续。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="231" />
      <source>Time limit per job</source>
      <translation>单个任务时间上限</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="189" />
      <source>What this relay charges against the catalog's list price: 1.5 if it resells at half as much again. The ledger says so next to every figure it changes.</source>
      <translation>该中转相对目录标价的收费倍数：若它加价一半转售，填 1.5。账本会在受影响的每个数字旁注明。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="223" />
      <source>With or without /v1 at the end; both work.</source>
      <translation>末尾带不带 /v1 均可。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="158" />
      <source>e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080</source>
      <translation>例如 http://127.0.0.1:7890 或 socks5://127.0.0.1:1080</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="120" />
      <source>e.g. my-relay</source>
      <translation>例如 my-relay</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="139" />
      <source>gpt-image models send their image as a stream of events: the connection stays alive through proxies that cut silent requests at 100 s, and drafts appear in the live tile. Relays bill the drafts as extra output.</source>
      <translation>gpt-image 模型会以事件流的方式发送图像：连接可以穿过那些在 100 秒时切断无响应请求的代理保持畅通，生成中的草图会显示在进行中的格子里。中转会把草图作为额外输出计费。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="165" />
      <source>mj-api-secret header</source>
      <translation>mj-api-secret 请求头</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="157" />
      <source>none (the system's settings apply)</source>
      <translation>无（使用系统设置）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="173" />
      <source>the normal path</source>
      <translation>常规路径</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relay_form.py" line="164" />
      <source>x-goog-api-key header</source>
      <translation>x-goog-api-key 请求头</translation>
    </message>
  </context>
  <context>
    <name>RelayLedger</name>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="65" />
      <source>1 job, about {amount}</source>
      <translation>1 个任务，约 {amount}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="113" />
      <source>Another model answered</source>
      <translation>由其他模型应答</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="81" />
      <source>Balance</source>
      <translation>余额</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="600" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="262" />
      <source>Charts</source>
      <translation>图表</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="103" />
      <source>Checked {date}</source>
      <translation>检查于 {date}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="266" />
      <source>Claims</source>
      <translation>索赔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="285" />
      <source>Did the relay keep its word?</source>
      <translation>中转站守信了吗？</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="133" />
      <source>Estimated cost</source>
      <translation>估计费用</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="359" />
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="362" />
      <source>Export JSON…</source>
      <translation>导出 JSON…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="594" />
      <source>Export the claim list</source>
      <translation>导出索赔列表</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="557" />
      <source>How to check it</source>
      <translation>如何检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="123" />
      <location filename="../../studio/ui/relays/page.py" line="77" />
      <source>Images</source>
      <translation>图片数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="600" />
      <source>JSON files (*.json)</source>
      <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="122" />
      <location filename="../../studio/ui/relays/page.py" line="75" />
      <source>Jobs</source>
      <translation>任务数</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="329" />
      <source>Jobs that may have been billed without delivering their images: cut off mid-call, past the deadline, download expired, damaged image, success without an image. Export the list to ask the relay for a refund; a job resumed with its images leaves it.</source>
      <translation>可能已计费却没有交付图片的任务：请求中途断开、超过时限、下载链接过期、图片损坏、报告成功但没有图片。导出此列表以向中转站申请退款；任务恢复并取得图片后会从列表中移除。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="96" />
      <source>Mask ignored</source>
      <translation>蒙版被忽略</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="132" />
      <source>Missing</source>
      <translation>缺少</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="121" />
      <location filename="../../studio/ui/relays/page.py" line="129" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="559" />
      <source>Never checked</source>
      <translation>从未检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="399" />
      <source>No jobs yet. Generate an image: what each relay cost, delivered and hid shows here — spend per day, time to image, success per model — with the jobs to claim back.</source>
      <translation>还没有任务。生成一张图片后，每个中转站的花费、交付与隐瞒会显示在这里——每日花费、出图耗时、各模型成功率——以及可以索赔的任务。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="405" />
      <source>No relay yet. Add one in Settings → Relays (or try the demo): what each relay cost, delivered and hid shows here once it has run jobs.</source>
      <translation>还没有中转站。请在“设置 → 中转站”中添加一个（或试用演示）：中转站运行任务后，它的花费、交付与隐瞒会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="342" />
      <source>Nothing to claim: every job that may have been billed delivered its images. A job cut off mid-call, past its deadline or whose download expired would be listed here, with the relay's request id to quote.</source>
      <translation>没有需要索赔的任务：每个可能已计费的任务都交付了图片。若有任务请求中途断开、超过时限或下载链接过期，会列在这里，并附上可向中转站出示的请求 ID。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="97" />
      <source>Of the edits with a mask that delivered, those whose image changed outside the mask too.</source>
      <translation>在已交付的蒙版编辑中，蒙版以外区域也被改动的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="88" />
      <source>Of the jobs that delivered, those whose image came back in another aspect ratio than asked.</source>
      <translation>在已交付的任务中，返回图片的宽高比与所要求不同的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="106" />
      <source>Of the jobs that delivered, those whose image has fewer pixels than asked.</source>
      <translation>在已交付的任务中，图片像素少于所要求的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="114" />
      <source>Of the jobs whose answer named a model, those that named another one than asked.</source>
      <translation>在应答中注明了模型的任务中，注明的模型与所请求不同的比例。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="82" />
      <source>Paid, not delivered</source>
      <translation>已付费未交付</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="265" />
      <source>Per model</source>
      <translation>按模型</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="87" />
      <source>Ratio drift</source>
      <translation>比例偏差</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="221" />
      <source>Reading the history…</source>
      <translation>正在读取历史记录…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="263" />
      <location filename="../../studio/ui/relays/page.py" line="299" />
      <source>Relay check</source>
      <translation>中转站检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="206" />
      <source>Relays</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="131" />
      <source>Request / task id</source>
      <translation>请求 / 任务 ID</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="557" />
      <source>See the findings</source>
      <translation>查看检查结果</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="105" />
      <source>Smaller than asked</source>
      <translation>小于所要求尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="124" />
      <location filename="../../studio/ui/relays/page.py" line="80" />
      <source>Spend</source>
      <translation>花费</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/charts.py" line="107" />
      <source>Spend per day</source>
      <translation>每日花费</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="76" />
      <source>Succeeded / failed</source>
      <translation>成功 / 失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/charts.py" line="118" />
      <source>Success per model</source>
      <translation>各模型成功率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="125" />
      <location filename="../../studio/ui/relays/page.py" line="78" />
      <source>Success rate</source>
      <translation>成功率</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="70" />
      <source>The newest {shown} of {count} claims are listed; the export holds them all.</source>
      <translation>列出了 {count} 条索赔中最新的 {shown} 条；导出文件包含全部。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="107" />
      <source>This relay was never checked. In Settings → Relays → Relay check, “Check relay” tries it for free (reachable, key, models, billing endpoints…) and “Run paid checks…” sends the smallest real requests to see whether it honours a mask, the ratio and several images. The findings show here.</source>
      <translation>这个中转站从未检查过。在“设置 → 中转站 → 中转站检查”中，“检查中转站”会免费检测它（能否连接、密钥、模型、计费接口…），“运行付费检查…”会发送最小的真实请求，看它是否遵守蒙版、比例和多图设置。检查结果会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="128" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="79" />
      <source>Time to image</source>
      <translation>出图耗时</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/charts.py" line="112" />
      <source>Time to image per day</source>
      <translation>每日出图耗时</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="130" />
      <source>What happened</source>
      <translation>发生了什么</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/charts.py" line="140" />
      <location filename="../../studio/ui/relays/charts.py" line="107" />
      <source>amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="98" />
      <source>could not be saved</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="92" />
      <source>cut off mid-call or timed out</source>
      <translation>请求中途断开或超时</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="94" />
      <source>damaged image</source>
      <translation>图片已损坏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="93" />
      <source>download link expired</source>
      <translation>下载链接已过期</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="26" />
      <source>from the relay's usage</source>
      <translation>按中转站返回的用量</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="27" />
      <source>list price</source>
      <translation>按目录标价</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="28" />
      <source>mixed: relay's usage and list price</source>
      <translation>混合：中转站用量与目录标价</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="64" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="58" />
      <source>p50 {p50} · p95 {p95}</source>
      <translation>p50 {p50} · p95 {p95}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="96" />
      <source>relay error after the request arrived</source>
      <translation>请求送达后中转站出错</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/charts.py" line="112" />
      <source>seconds</source>
      <translation>秒</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="95" />
      <source>success without an image</source>
      <translation>报告成功但没有图片</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="97" />
      <source>task failed</source>
      <translation>任务失败</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="29" />
      <location filename="../../studio/ui/relays/texts.py" line="34" />
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="40" />
      <source>unknown: the catalog knows no price for a model used</source>
      <translation>未知：目录中没有所用某个模型的价格</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="41" />
      <source>{amount} ({basis})</source>
      <translation>{amount}（{basis}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="85" />
      <source>{amount} {currency} (read {time})</source>
      <translation>{amount} {currency}（读取于 {time}）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/page.py" line="569" />
      <source>{checked}: {verdicts}</source>
      <translation>{checked}：{verdicts}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="65" />
      <source>{count} jobs, about {amount}</source>
      <translation>{count} 个任务，约 {amount}</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="54" />
      <source>{value} s</source>
      <translation>{value} 秒</translation>
    </message>
    <message>
      <location filename="../../studio/ui/relays/texts.py" line="45" />
      <source>— the relay's markup ×{markup} applied</source>
      <translation>——已计入中转站加价 ×{markup}</translation>
    </message>
  </context>
  <context>
    <name>RelaysPage</name>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="71" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="73" />
      <source>Duplicate</source>
      <translation>创建副本</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="144" />
      <source>Relay check</source>
      <translation>中转站检查</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="79" />
      <source>Reload</source>
      <translation>重新加载</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="76" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="95" />
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="97" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="384" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="143" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="217" />
      <source>The demo relay is built in: a simulated relay on this computer. Nothing is sent anywhere and nothing is billed. It cannot be edited; Duplicate makes an editable copy.</source>
      <translation>演示中转站为内置项：在本机模拟的中转站，不会向外发送任何内容，也不会产生扣费。它无法编辑；点击“创建副本”可得到可编辑的副本。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="356" />
      <source>There is already a profile named “{name}”. Choose another name.</source>
      <translation>已存在名为“{name}”的配置。请换一个名称。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="223" />
      <source>This profile was given for this session only and cannot be edited here; Duplicate makes an editable copy.</source>
      <translation>此配置仅供本次会话使用，无法在此编辑；点击“创建副本”可得到可编辑的副本。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="233" />
      <source>the original</source>
      <translation>原配置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/relays.py" line="302" />
      <source>{name} copy</source>
      <translation>{name} 副本</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="50" />
      <source>Appearance</source>
      <translation>外观</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="51" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="49" />
      <source>Relays</source>
      <translation>中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/dialog.py" line="36" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
  </context>
  <context>
    <name>SettingsWidgets</name>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="50" />
      <source>Keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="47" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../studio/ui/settings/widgets.py" line="61" />
      <source>Remove “{name}” and its key? This cannot be undone.</source>
      <translation>删除“{name}”及其密钥？此操作无法撤销。</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="56" />
      <source>Actual pixels (1:1)</source>
      <translation>实际像素（1:1）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="34" />
      <source>Batch: many prompts at once</source>
      <translation>批量：一次发送多条提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="46" />
      <source>Brush</source>
      <translation>画笔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="58" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="39" />
      <source>Close viewers</source>
      <translation>关闭查看窗口</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="35" />
      <source>Compare: the same request on several models or relays</source>
      <translation>对比：同一请求发送给多个模型或中转站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="47" />
      <source>Eraser</source>
      <translation>橡皮擦</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="32" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="31" />
      <source>Favourite</source>
      <translation>收藏</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="55" />
      <source>Fit the image</source>
      <translation>适合窗口</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="24" />
      <source>Generate (in the prompt)</source>
      <translation>生成（在提示词框中）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="57" />
      <source>Hold and drag to pan (or the middle button)</source>
      <translation>按住并拖动以平移（或用鼠标中键）</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="36" />
      <source>In the prompt: insert a saved prompt</source>
      <translation>在提示词中：插入已保存的提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="65" />
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="50" />
      <source>Lasso selection</source>
      <translation>套索选区</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="70" />
      <source>Mask painter</source>
      <translation>蒙版绘制</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="28" />
      <source>Move in the gallery</source>
      <translation>在图库中移动</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="29" />
      <source>Move the selected images to the trash</source>
      <translation>将所选图像移到回收站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="25" />
      <source>Paste an image as a reference</source>
      <translation>粘贴图像作为参考图</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="27" />
      <source>Quick look at the selected image</source>
      <translation>快速查看所选图像</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="49" />
      <source>Rectangle selection</source>
      <translation>矩形选区</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="53" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="38" />
      <source>Relays: what each relay cost and delivered</source>
      <translation>中转站：每个中转站的花费与交付</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="33" />
      <source>Reuse the settings of the selected image</source>
      <translation>复用所选图像的设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="26" />
      <source>Search the prompts</source>
      <translation>搜索提示词</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="37" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="51" />
      <source>Smaller / bigger brush</source>
      <translation>缩小 / 放大画笔</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="69" />
      <source>Studio</source>
      <translation>Studio</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="48" />
      <source>Swap brush and eraser</source>
      <translation>切换画笔与橡皮擦</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="40" />
      <source>This sheet</source>
      <translation>显示此快捷键列表</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="30" />
      <source>Undo moving to the trash</source>
      <translation>撤销移入回收站</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="52" />
      <source>Undo the last step</source>
      <translation>撤销上一步</translation>
    </message>
    <message>
      <location filename="../../studio/ui/shortcuts.py" line="54" />
      <source>Zoom in / out (or the wheel)</source>
      <translation>放大 / 缩小（或用滚轮）</translation>
    </message>
  </context>
  <context>
    <name>VaryRegion</name>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="75" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="59" />
      <source>Describe what goes in the painted area</source>
      <translation>描述涂抹区域里要画什么</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="132" />
      <source>Opening the mask painter…</source>
      <translation>正在打开蒙版绘制…</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="148" />
      <source>Paint the area to change, then press Done.</source>
      <translation>涂出要修改的区域，然后点击“完成”。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="68" />
      <source>The rest of the image stays as it is. {keys} sends.</source>
      <translation>图像的其余部分保持不变。按 {keys} 发送。</translation>
    </message>
    <message>
      <location filename="../../studio/ui/detail/vary_region.py" line="55" />
      <location filename="../../studio/ui/detail/vary_region.py" line="78" />
      <source>Vary region</source>
      <translation>局部重绘</translation>
    </message>
  </context>
  <context>
    <name>Warnings</name>
    <message>
      <location filename="../../studio/engine/doctor.py" line="122" />
      <source>A proxy answers between the studio and the relay (Via: {via}). It may cut long requests.</source>
      <translation>工作室与中转站之间有代理在应答（Via：{via}），它可能会切断耗时较长的请求。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="131" />
      <source>A web page came back instead of the relay's JSON (“{said}”): a proxy, a captive portal or a wrong base URL is in the way.</source>
      <translation>返回的是网页而不是中转站的 JSON（“{said}”）：可能有代理、网络登录页或错误的基础 URL 挡在中间。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="126" />
      <source>Cloudflare sits in front of the relay: it cuts a request that stays silent for 100 s (HTTP 524) while the image may still be billed. Prefer async mode for slow models.</source>
      <translation>中转站前面有 Cloudflare：请求静默 100 秒就会被切断（HTTP 524），而图片仍可能被计费。慢速模型请优先使用异步模式。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="63" />
      <source>Could not connect to {host}: {reason}</source>
      <translation>无法连接到 {host}：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="86" />
      <source>Could not tell (HTTP {status}): {said}</source>
      <translation>无法判断（HTTP {status}）：{said}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="105" />
      <source>Could not tell (HTTP {status}: “{said}”).</source>
      <translation>无法判断（HTTP {status}：“{said}”）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="47" />
      <source>Could not tell: the request with {model} failed (job {job}): {reason}</source>
      <translation>无法判断：使用 {model} 的请求失败（任务 {job}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="106" />
      <source>Could not tell: {reason}</source>
      <translation>无法判断：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="65" />
      <source>Honoured: asked for {asked} images, got {got} ({model}, job {job}).</source>
      <translation>已遵守：请求 {asked} 张图片，得到 {got} 张（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="59" />
      <source>Honoured: asked {ratio}, got {width}×{height} ({model}, job {job}).</source>
      <translation>已遵守：请求 {ratio}，得到 {width}×{height}（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="71" />
      <source>Honoured: {percent}% of the pixels are transparent ({model}, job {job}).</source>
      <translation>已遵守：{percent}% 的像素是透明的（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="50" />
      <source>Honoured: {percent}% of the pixels outside the mask changed ({model}, job {job}).</source>
      <translation>已遵守：蒙版外有 {percent}% 的像素发生变化（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="126" />
      <source>Image {number} could not be saved: {reason}</source>
      <translation>图像 {number} 无法保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/composite.py" line="15" />
      <source>Made from image {number}: the original kept outside the mask (feather {feather} px).</source>
      <translation>由图像 {number} 生成：蒙版外保留原图（羽化 {feather} px）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="113" />
      <source>No proxy in the way.</source>
      <translation>中间没有代理。</translation>
    </message>
    <message>
      <location filename="../../studio/settings/secrets.py" line="27" />
      <source>No system keyring is available, so the key for {name} was kept for this session only and not saved. Install or unlock a keyring (GNOME Keyring or KWallet, Windows Credential Manager, macOS Keychain) or set {variable} for scripts.</source>
      <translation>没有可用的系统钥匙串，因此 {name} 的密钥仅在本次会话中保留，未保存。请安装或解锁钥匙串（GNOME Keyring 或 KWallet、Windows 凭据管理器、macOS 钥匙串），或为脚本设置 {variable}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="44" />
      <source>Not checked: no model this relay offers can do this, as far as the catalog knows.</source>
      <translation>未检查：据模型目录所知，此中转站提供的模型都不支持这一项。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="77" />
      <source>Not checked: the relay could not be reached.</source>
      <translation>未检查：无法连接到中转站。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="68" />
      <source>Not honoured: asked for {asked} images, got {got} ({model}, job {job}).</source>
      <translation>未遵守：请求 {asked} 张图片，得到 {got} 张（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="62" />
      <source>Not honoured: asked {ratio}, got {width}×{height} ({model}, job {job}).</source>
      <translation>未遵守：请求 {ratio}，得到 {width}×{height}（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="74" />
      <source>Not honoured: the image came back opaque ({model}, job {job}).</source>
      <translation>未遵守：返回的图片不透明（{model}，任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="54" />
      <source>Not honoured: {percent}% of the pixels outside the mask changed ({model}, job {job}). Use “Keep original outside the mask” on its results.</source>
      <translation>未遵守：蒙版外有 {percent}% 的像素发生变化（{model}，任务 {job}）。请对其结果使用“保留蒙版外的原图”。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="97" />
      <source>Not offered by this relay (HTTP {status}: “{said}”).</source>
      <translation>此中转站不提供（HTTP {status}：“{said}”）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="110" />
      <source>Not offered with this key (HTTP {status}: “{said}”).</source>
      <translation>使用此密钥无法访问（HTTP {status}：“{said}”）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/adapt.py" line="68" />
      <source>Not sent: {names}, which this relay refused for {model} before (Settings → Relays to forget it).</source>
      <translation>未发送：{names}，此中转之前对 {model} 拒绝过它（可在“设置 → 中转站”中忘记）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="109" />
      <source>Offered, without the usual amounts.</source>
      <translation>已提供，但没有常见的金额字段。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="107" />
      <source>Offered: the account's limit is {limit} USD.</source>
      <translation>已提供：账户额度为 {limit} 美元。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="108" />
      <source>Offered: {amount} USD used from {start} to {end}.</source>
      <translation>已提供：{start} 至 {end} 已用 {amount} 美元。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="70" />
      <source>Plain http to this computer: nothing leaves it, so there is nothing to encrypt.</source>
      <translation>连接本机的明文 http：数据不离开本机，无需加密。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="73" />
      <source>Plain http: the key and the images travel unencrypted. Use https:// if the relay offers it.</source>
      <translation>明文 http：密钥和图片未加密传输。如果中转站支持，请改用 https://。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="127" />
      <source>Streamed, with {drafts} draft(s) shown while it was made (this relay's setting). Relays bill drafts as extra output.</source>
      <translation>以流式方式生成，生成过程中显示了 {drafts} 张草图（此中转的设置）。中转会把草图作为额外输出计费。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="136" />
      <source>The clocks agree (within {seconds} s).</source>
      <translation>时钟一致（相差不超过 {seconds} 秒）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="148" />
      <source>The extra field(s) {names} are not sent through {protocol}: the studio sets these itself.</source>
      <translation>附加字段 {names} 不会通过 {protocol} 发送：这些字段由工作室自行设置。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="152" />
      <source>The extra field(s) {names} are not sent: Midjourney takes no extra fields.</source>
      <translation>附加字段 {names} 不会发送：Midjourney 不接受附加字段。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/checks.py" line="58" />
      <source>The image came back at {width}×{height} (ratio {got}:1), not in the {asked} shape that was asked for. The relay may have ignored the setting.</source>
      <translation>返回的图像为 {width}×{height}（比例 {got}:1），与请求的 {asked} 比例不符。中转站可能忽略了该设置。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/checks.py" line="73" />
      <source>The image came back at {width}×{height} pixels, not the {asked_width}×{asked_height} that was asked for.</source>
      <translation>返回的图像为 {width}×{height} 像素，而不是请求的 {asked_width}×{asked_height}。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/provenance.py" line="238" />
      <source>The image's extra relay fields ({names}) were not restored: only the studio's own settings are.</source>
      <translation>图片中的附加中转字段（{names}）未恢复：只恢复工作室自己的设置。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/provenance.py" line="235" />
      <source>The image's saved {setting} ({value}) is not a value the studio takes: left out.</source>
      <translation>图片中保存的{setting}（{value}）不是工作室可用的值：已忽略。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="92" />
      <source>The model list could not be read (HTTP {status}).</source>
      <translation>无法读取模型列表（HTTP {status}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="91" />
      <source>The model list is not JSON: {said}</source>
      <translation>模型列表不是 JSON：{said}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="137" />
      <source>The negative prompt is not sent through {protocol}: the model decides.</source>
      <translation>反向提示词不会通过 {protocol} 发送：由模型自行决定。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="143" />
      <source>The prompt already has --{flag}, so the {option} {value} is not added: the prompt's own --{flag} applies.</source>
      <translation>提示词中已有 --{flag}，因此不会再添加{option} {value}：以提示词中的 --{flag} 为准。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="78" />
      <source>The relay accepted the key.</source>
      <translation>中转站接受了此密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="132" />
      <source>The relay answered with a task to poll ({path}); the studio polls it.</source>
      <translation>中转站返回了一个需要轮询的任务（{path}）；Studio 会自动轮询它。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="80" />
      <source>The relay did not accept the key (HTTP {status}): {said}</source>
      <translation>中转站不接受此密钥（HTTP {status}）：{said}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="114" />
      <source>The relay is on this computer: no proxy is used.</source>
      <translation>中转站就在本机：不经过代理。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="119" />
      <source>The relay is reached through {proxy}: check that this proxy is running.</source>
      <translation>连接中转站需经过 {proxy}：请检查该代理是否正在运行。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="83" />
      <source>The relay knows the key, but says the account has no credit (HTTP {status}).</source>
      <translation>中转站认得此密钥，但表示账户余额不足（HTTP {status}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/adapt.py" line="62" />
      <source>The relay refused {names} (HTTP 400, before doing any work: not billed). The request was sent once more without it, and {model} on this relay leaves it out from now on (Settings → Relays to forget it).</source>
      <translation>中转拒绝了 {names}（HTTP 400，在开始处理之前：未计费）。已去掉该参数重新发送一次；此后在这个中转上，{model} 都会省略它（可在“设置 → 中转站”中忘记）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/runner.py" line="135" />
      <source>The relay sent a {format} image. It is kept as it was sent (exports write it), and shown as a PNG copy.</source>
      <translation>中转发来的是 {format} 图像。它已按原样保留（导出时写出的就是它），并以 PNG 副本显示。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="147" />
      <source>The relay sent no Date header to compare.</source>
      <translation>中转站没有发送可供比对的 Date 头。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="137" />
      <source>The relay's clock is {minutes} min ahead of this computer's: signed links and TLS may fail. Check this computer's date and time.</source>
      <translation>中转站的时钟比本机快 {minutes} 分钟：签名链接和 TLS 可能失败。请检查本机的日期和时间。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="142" />
      <source>The relay's clock is {minutes} min behind this computer's: signed links and TLS may fail. Check this computer's date and time.</source>
      <translation>中转站的时钟比本机慢 {minutes} 分钟：签名链接和 TLS 可能失败。请检查本机的日期和时间。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="90" />
      <source>The relay's model list is empty.</source>
      <translation>中转站的模型列表为空。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="140" />
      <source>The resolution {resolution} is not sent: the exact size {size} decides it.</source>
      <translation>分辨率 {resolution} 不会发送：由精确尺寸 {size} 决定。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="93" />
      <source>The route exists: a made-up task id was answered in JSON (HTTP {status}: “{said}”).</source>
      <translation>该路由存在：用虚构的任务 ID 查询得到了 JSON 应答（HTTP {status}：“{said}”）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="67" />
      <source>The secure connection failed: {reason}. Check the address, or the computer's date.</source>
      <translation>安全连接失败：{reason}。请检查地址或本机日期。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="134" />
      <source>The {option} {value} is not sent through {protocol}: the model decides.</source>
      <translation>{option} {value} 不会通过 {protocol} 发送：由模型自行决定。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/plan.py" line="155" />
      <source>The {protocol} protocol is not listed for {model}; sent through {protocol} as you chose.</source>
      <translation>目录中 {model} 未列出 {protocol} 协议；已按你的选择通过 {protocol} 发送。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="79" />
      <source>This profile has no key.</source>
      <translation>此配置还没有密钥。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="100" />
      <source>This profile polls async tasks here, but the relay has no such route (HTTP {status}: “{said}”). Fix the poll path in the relay's async settings.</source>
      <translation>此配置在这里轮询异步任务，但中转站没有这个路由（HTTP {status}：“{said}”）。请在中转站的异步设置中修改轮询路径。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/overrides.py" line="32" />
      <source>This relay's model settings added the field(s) {names} to the request.</source>
      <translation>此中转站的模型设置向请求添加了字段 {names}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="116" />
      <source>Through the system proxy {proxy} (from the proxy environment variables).</source>
      <translation>经由系统代理 {proxy}（来自代理环境变量）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="115" />
      <source>Through this relay's own proxy {proxy}.</source>
      <translation>经由此中转站专用的代理 {proxy}。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="20" />
      <source>background</source>
      <translation>背景</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="21" />
      <source>blend shape</source>
      <translation>混合比例</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="25" />
      <source>complexity</source>
      <translation>复杂度</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="23" />
      <source>compression</source>
      <translation>压缩率</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="26" />
      <source>frame count</source>
      <translation>帧数</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="27" />
      <source>frame duration (ms)</source>
      <translation>每帧时长（毫秒）</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="64" />
      <source>https: the connection is encrypted and the certificate is valid.</source>
      <translation>https：连接已加密，证书有效。</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="29" />
      <source>image series</source>
      <translation>组图</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="22" />
      <source>input fidelity</source>
      <translation>输入保真度</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="35" />
      <source>markup overlay</source>
      <translation>标注叠加层</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="33" />
      <source>mask</source>
      <translation>蒙版</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="24" />
      <source>moderation</source>
      <translation>审核强度</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="17" />
      <source>negative prompt</source>
      <translation>反向提示词</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="14" />
      <source>number of images</source>
      <translation>图片数量</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="30" />
      <source>number of images in a series</source>
      <translation>组图张数</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="10" />
      <source>operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="19" />
      <source>output format</source>
      <translation>输出格式</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="9" />
      <source>protocol</source>
      <translation>协议</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="15" />
      <source>quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="11" />
      <source>ratio</source>
      <translation>宽高比</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="34" />
      <source>reference images</source>
      <translation>参考图</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="12" />
      <source>resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="32" />
      <source>safety tolerance</source>
      <translation>安全容忍度</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="16" />
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="13" />
      <source>size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="18" />
      <source>style</source>
      <translation>风格</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="28" />
      <source>thinking level</source>
      <translation>思考等级</translation>
    </message>
    <message>
      <location filename="../../studio/domain/setting_words.py" line="31" />
      <source>watermark</source>
      <translation>水印</translation>
    </message>
    <message>
      <location filename="../../studio/engine/restore.py" line="37" />
      <source>{count} reference image(s) of “{name}” are not in this history; add them again to use them.</source>
      <translation>“{name}” 的 {count} 张参考图不在本历史记录中；如需使用，请重新添加。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="62" />
      <source>{host} answered (HTTP {status}) in {ms} ms.</source>
      <translation>{host} 已应答（HTTP {status}），用时 {ms} 毫秒。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/fit.py" line="24" />
      <source>{model} cannot take the {option}: left out for it.</source>
      <translation>{model} 不支持{option}：已为它省略。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/fit.py" line="25" />
      <source>{model} takes at most {limit} for the {option}: {value} lowered to {limit}.</source>
      <translation>{model} 的{option}最多为 {limit}：已从 {value} 降为 {limit}。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="43" />
      <source>{model} via {protocol} failed (job {job}): {reason}</source>
      <translation>{model} 经 {protocol} 失败（任务 {job}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor_paid.py" line="40" />
      <source>{model} via {protocol}: {width}×{height} in {seconds} s (job {job}).</source>
      <translation>{model} 经 {protocol}：{width}×{height}，用时 {seconds} 秒（任务 {job}）。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/overrides.py" line="26" />
      <source>{model} was sent to this relay as “{name}”, as its model settings say.</source>
      <translation>按照此中转站的模型设置，{model} 以“{name}”的名称发送。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/overrides.py" line="29" />
      <source>{model} went through the {protocol} protocol, as this relay's model settings say.</source>
      <translation>按照此中转站的模型设置，{model} 通过 {protocol} 协议发送。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/doctor.py" line="87" />
      <source>{offered} models offered, {known} of them known to the catalog.</source>
      <translation>提供 {offered} 个模型，其中 {known} 个在模型目录中。</translation>
    </message>
    <message>
      <location filename="../../studio/engine/verify.py" line="19" />
      <source>{percent}% of the pixels outside the mask changed: the relay may have ignored the mask. “Keep original outside the mask” repairs it.</source>
      <translation>蒙版外有 {percent}% 的像素发生了变化：中转站可能忽略了蒙版。使用“保留蒙版外的原图”可以修复。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="242" />
      <source>“{name}” has 16 bits per channel; it was reduced to 8.</source>
      <translation>“{name}”为每通道 16 位，已降为 8 位。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="252" />
      <source>“{name}” has several frames (an animation or pages); only the first is used.</source>
      <translation>“{name}”包含多帧（动画或多页），仅使用第一帧。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="277" />
      <source>“{name}” has transparent areas, which the model's formats cannot keep: they were filled with white.</source>
      <translation>“{name}”含有透明区域，而模型支持的格式无法保留透明度，已用白色填充。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="289" />
      <source>“{name}” was compressed more strongly to stay under the model's {limit} MB upload limit.</source>
      <translation>为保持在模型 {limit} MB 的上传限制以内，已对“{name}”进行了更大幅度的压缩。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="234" />
      <source>“{name}” was converted from CMYK to RGB colours.</source>
      <translation>“{name}”已从 CMYK 转换为 RGB 颜色。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="252" />
      <source>“{name}” was downscaled from {source_width}×{source_height} to {width}×{height} to fit the model's limits.</source>
      <translation>为符合模型的限制，“{name}”已从 {source_width}×{source_height} 缩小到 {width}×{height}。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/uploads.py" line="265" />
      <source>“{name}” was padded to a {side}×{side} square (the model takes only square images); nothing was cut off or stretched.</source>
      <translation>“{name}”已补边为 {side}×{side} 的正方形（该模型只接受正方形图像）；没有裁切或拉伸任何内容。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/outpaint/pixels.py" line="126" />
      <source>“{name}” was reduced to {percent} % so that the expanded picture stays within {limit} megapixels.</source>
      <translation>“{name}”已缩小到 {percent}%，使扩展后的图片不超过 {limit} 百万像素。</translation>
    </message>
    <message>
      <location filename="../../studio/imaging/inputs.py" line="263" />
      <source>“{name}” was turned upright as its camera orientation says.</source>
      <translation>已按相机方向信息将“{name}”转正。</translation>
    </message>
  </context>
</TS>
