/*
 * 附件: a task detail tab in Tasklist where officers upload, list and download the documents of a
 * task. The files are Camunda task attachments, stored by the engine with the task's history and
 * reached through the webapps' own engine API (same login, same CSRF token, same permissions:
 * only users who may work the task can add to it).
 */
const plugin = {
  id: 'joint-approval-attachments',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  properties: {label: '附件'},

  render(node, {api, taskId}) {
    const base = `${api.engineApi}/task/${taskId}/attachment`;
    node.innerHTML = `
      <div class="ja-attachments" style="padding: 15px">
        <ul class="ja-attachment-list list-unstyled"></ul>
        <form class="ja-attachment-form form-inline" style="margin-top: 10px">
          <input type="file" name="content" class="form-control">
          <input type="text" name="description" class="form-control" placeholder="说明（可选）">
          <button type="submit" class="btn btn-default">上传附件</button>
        </form>
        <p class="ja-attachment-message text-danger"></p>
      </div>`;
    const list = node.querySelector('.ja-attachment-list');
    const message = node.querySelector('.ja-attachment-message');
    const form = node.querySelector('form');

    async function refresh() {
      const response = await fetch(base, {
        credentials: 'same-origin',
        headers: {Accept: 'application/json'}
      });
      const attachments = response.ok ? await response.json() : [];
      list.textContent = '';
      if (!attachments.length) {
        const empty = document.createElement('li');
        empty.className = 'text-muted';
        empty.textContent = '暂无附件';
        list.appendChild(empty);
      }
      for (const attachment of attachments) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `${base}/${attachment.id}/data`;
        link.textContent = attachment.name;
        link.setAttribute('download', attachment.name);
        item.appendChild(link);
        if (attachment.description) {
          item.appendChild(document.createTextNode(`（${attachment.description}）`));
        }
        list.appendChild(item);
      }
    }

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const file = form.content.files[0];
      if (!file) {
        message.textContent = '请选择要上传的文件';
        return;
      }
      const data = new FormData();
      data.append('attachment-name', file.name);
      data.append('attachment-description', form.description.value || '');
      data.append('attachment-type', file.type || 'application/octet-stream');
      data.append('content', file);
      const response = await fetch(`${base}/create`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'X-XSRF-TOKEN': api.CSRFToken, Accept: 'application/json'},
        body: data
      });
      message.textContent = response.ok ? '' : `上传失败（${response.status}）`;
      if (response.ok) {
        form.reset();
      }
      await refresh();
    });

    refresh();
  }
};

export default plugin;
